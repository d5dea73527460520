-- A stable code per organisation (optional, unique), so that programs - demo seeds, imports,
-- tests - find an organisation without its Chinese name, which may change.
ALTER TABLE PORTAL_ORGANISATION ADD COLUMN CODE VARCHAR(60);
ALTER TABLE PORTAL_ORGANISATION ADD CONSTRAINT UQ_ORGANISATION_CODE UNIQUE (CODE);
-- A portal seeded as the demo city before codes existed gets the demo city's codes
-- (see org.unionportal.api.demo.DemoOrganisations); only names that occur once.
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi' WHERE NAME = '无锡市总工会' AND PARENT_ID IS NULL AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '无锡市总工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-liangxi' WHERE NAME = '梁溪区总工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '梁溪区总工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-binhu' WHERE NAME = '滨湖区总工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '滨湖区总工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-xinwu' WHERE NAME = '新吴区总工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '新吴区总工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-xishan' WHERE NAME = '锡山区总工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '锡山区总工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-huishan' WHERE NAME = '惠山区总工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '惠山区总工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-logistics' WHERE NAME = '无锡市物流行业工会联合会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '无锡市物流行业工会联合会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-liangxi-kindergarten' WHERE NAME = '梁溪区实验幼儿园工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '梁溪区实验幼儿园工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-liangxi-sanitation' WHERE NAME = '梁溪区环卫所工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '梁溪区环卫所工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-binhu-software-park' WHERE NAME = '滨湖区软件园联合工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '滨湖区软件园联合工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-xinwu-electronics' WHERE NAME = '新吴区电子厂工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '新吴区电子厂工会') = 1;
UPDATE PORTAL_ORGANISATION SET CODE = 'wuxi-logistics-shunda-express' WHERE NAME = '顺达快递无锡分公司工会' AND (SELECT COUNT(*) FROM PORTAL_ORGANISATION O WHERE O.NAME = '顺达快递无锡分公司工会') = 1;
