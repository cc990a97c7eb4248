package cn.chenzhou.plan.funding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** funding-service: money to the fen — secured funds, the special fund, matching funds, county S&T statistics. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FundingServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(FundingServiceApplication.class, args);
    }
}
