package org.unionportal.mutualaid.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = PayoutConfig.PID, name = "Union Portal mutual aid (职工医疗互助保障)",
        description = "Settings of the mutual-aid module.")
public @interface PayoutConfig {
    String PID = "org.unionportal.mutualaid";

    @AttributeDefinition(name = "Payout batches need a second person (maker-checker)",
            description = "on: whoever made a payout batch cannot approve it; off: anyone may; auto: on outside demo mode.")
    String payouts_secondPerson() default "auto";
}
