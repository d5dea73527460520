package org.unionportal.hardshipaid.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = SafetyNetConfig.PID, name = "Union Portal hardship aid (困难职工帮扶)",
        description = "Settings of the hardship-aid module.")
public @interface SafetyNetConfig {
    String PID = "org.unionportal.hardshipaid";

    @AttributeDefinition(name = "Medical safety-net threshold (yuan)",
            description = "When a household's own share of medical costs in a year exceeds this, the union pays the excess (兜底起点, 元).")
    int safetyNet_thresholdYuan() default 3000;

    @AttributeDefinition(name = "Payment batches need a second person (maker-checker)",
            description = "on: whoever generated a batch cannot approve it; off: anyone may; auto: on outside demo mode.")
    String batches_secondPerson() default "auto";

    int DEFAULT_BATCH_HORIZON_DAYS = 60;

    @AttributeDefinition(name = "Batch horizon (days)",
            description = "Payment batches only for periods due by today plus this many days (生成批次的提前天数).")
    int batch_horizonDays() default DEFAULT_BATCH_HORIZON_DAYS;
}
