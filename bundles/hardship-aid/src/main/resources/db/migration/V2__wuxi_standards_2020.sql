-- The standards of the Wuxi notice 《关于规范调整无锡市特困职工帮扶救助标准的通知》, in force from 2020-01-01
-- (amounts in fen; living per quarter, schooling per school year, price subsidy per month, the rest per household).
INSERT INTO HA_STANDARD (ITEM, AMOUNT_FEN, EFFECTIVE_FROM, STATUS, PROPOSED_BY, PROPOSED_AT, DECIDED_BY, DECIDED_AT, NOTE) VALUES
    ('LIVING', 150000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '无锡市总工会通知：每季度每户 1500 元，每季度首月15日前银行转账'),
    ('SCHOOLING_UNIVERSITY', 300000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '全日制大学每学年 3000 元'),
    ('SCHOOLING_HIGH', 200000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '高中、中等职业教育每学年 2000 元'),
    ('SCHOOLING_BASIC', 100000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '义务教育阶段、幼儿园每学年 1000 元'),
    ('ENTRANT_AWARD', 200000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '当年被国内普通高等院校录取的新生奖励 2000 元'),
    ('ENTRANT_TICKET', NULL, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '异地就学新生报销入学车票，限高铁动车二等座及以下'),
    ('MEDICAL', 120000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '每年每户 1200 元，1月15日前银行转账'),
    ('HOLIDAY_VISIT', 350000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '元旦、春节送温暖每户 3500 元'),
    ('PRICE_SUBSIDY', 5000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '每月 50 元，按季度拨入爱心卡'),
    ('ONE_OFF_PRICE', 30000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '一次性临时价格补贴每户 300 元'),
    ('SUMMER_HEAT', 20000, '2020-01-01', 'APPROVED', 'system', CURRENT_TIMESTAMP, 'system', CURRENT_TIMESTAMP, '夏季防暑降温每户 200 元（水电费）');
