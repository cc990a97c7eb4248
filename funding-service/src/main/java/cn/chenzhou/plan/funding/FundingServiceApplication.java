package cn.chenzhou.plan.funding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** funding-service: money to the fen — secured funds, the special fund, matching funds, county S&T statistics. */
@SpringBootApplication
public class FundingServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(FundingServiceApplication.class, args);
    }
}
