CREATE TABLE `loyalty_birthdays` (
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`birthday` text NOT NULL,
	`changed_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `customer_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `loyalty_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`kind` text NOT NULL,
	`available_delta` integer NOT NULL,
	`pending_delta` integer NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL,
	`actor` text NOT NULL,
	`rule_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_entries_tenant_source_unique` ON `loyalty_entries` (`tenant_id`,`source`);--> statement-breakpoint
CREATE INDEX `loyalty_entries_tenant_customer_idx` ON `loyalty_entries` (`tenant_id`,`customer_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_events` (
	`tenant_id` text NOT NULL,
	`event_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`type` text NOT NULL,
	`points` integer NOT NULL,
	`outcome` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `event_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `loyalty_lots` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`status` text NOT NULL,
	`points` integer NOT NULL,
	`remaining` integer NOT NULL,
	`available_at` integer NOT NULL,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_lots_remaining" CHECK("loyalty_lots"."remaining" >= 0 AND "loyalty_lots"."remaining" <= "loyalty_lots"."points")
);
--> statement-breakpoint
CREATE INDEX `loyalty_lots_tenant_customer_idx` ON `loyalty_lots` (`tenant_id`,`customer_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `loyalty_lots_tenant_available_at_idx` ON `loyalty_lots` (`tenant_id`,`status`,`available_at`);--> statement-breakpoint
CREATE INDEX `loyalty_lots_tenant_expires_idx` ON `loyalty_lots` (`tenant_id`,`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `loyalty_members` (
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`available` integer NOT NULL,
	`pending` integer NOT NULL,
	`lifetime_earned` integer NOT NULL,
	`allow_negative` integer NOT NULL,
	`tier_id` text,
	`tier_since` integer,
	`referral_code` text NOT NULL,
	`last_activity_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `customer_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_members_available" CHECK("loyalty_members"."available" >= 0 OR "loyalty_members"."allow_negative" = 1),
	CONSTRAINT "loyalty_members_pending" CHECK("loyalty_members"."pending" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_members_tenant_referral_unique` ON `loyalty_members` (`tenant_id`,`referral_code`);--> statement-breakpoint
CREATE INDEX `loyalty_members_tenant_activity_idx` ON `loyalty_members` (`tenant_id`,`last_activity_at`);--> statement-breakpoint
CREATE TABLE `loyalty_orders` (
	`tenant_id` text NOT NULL,
	`order_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`currency` text NOT NULL,
	`total` integer NOT NULL,
	`eligible_amount` integer NOT NULL,
	`refunded` integer NOT NULL,
	`points_awarded` integer NOT NULL,
	`points_reversed` integer NOT NULL,
	`lot_id` text,
	`version` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `order_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_orders_refunded" CHECK("loyalty_orders"."refunded" >= 0 AND "loyalty_orders"."refunded" <= "loyalty_orders"."total"),
	CONSTRAINT "loyalty_orders_reversed" CHECK("loyalty_orders"."points_reversed" >= 0 AND "loyalty_orders"."points_reversed" <= "loyalty_orders"."points_awarded"),
	CONSTRAINT "loyalty_orders_version" CHECK("loyalty_orders"."version" >= 0)
);
--> statement-breakpoint
CREATE INDEX `loyalty_orders_tenant_customer_idx` ON `loyalty_orders` (`tenant_id`,`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `loyalty_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`code` text NOT NULL,
	`cost` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `loyalty_rewards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_redemptions_tenant_code_unique` ON `loyalty_redemptions` (`tenant_id`,`code`);--> statement-breakpoint
CREATE INDEX `loyalty_redemptions_tenant_customer_idx` ON `loyalty_redemptions` (`tenant_id`,`customer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `loyalty_referrals` (
	`tenant_id` text NOT NULL,
	`referee_id` text NOT NULL,
	`referrer_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`rewarded_at` integer,
	PRIMARY KEY(`tenant_id`, `referee_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referee_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_referrals_not_self" CHECK("loyalty_referrals"."referee_id" <> "loyalty_referrals"."referrer_id")
);
--> statement-breakpoint
CREATE INDEX `loyalty_referrals_tenant_referrer_idx` ON `loyalty_referrals` (`tenant_id`,`referrer_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `loyalty_reward_claims` (
	`tenant_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`count` integer NOT NULL,
	`limit` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `reward_id`, `customer_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `loyalty_rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_reward_claims_limit" CHECK("loyalty_reward_claims"."count" >= 0 AND "loyalty_reward_claims"."count" <= "loyalty_reward_claims"."limit")
);
--> statement-breakpoint
CREATE TABLE `loyalty_rewards` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`value` integer,
	`cost` integer NOT NULL,
	`stock` integer,
	`per_customer_limit` integer,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_rewards_cost" CHECK("loyalty_rewards"."cost" > 0),
	CONSTRAINT "loyalty_rewards_stock" CHECK("loyalty_rewards"."stock" IS NULL OR "loyalty_rewards"."stock" >= 0)
);
--> statement-breakpoint
CREATE INDEX `loyalty_rewards_tenant_created_idx` ON `loyalty_rewards` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_rule_usage` (
	`tenant_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`period` text NOT NULL,
	`count` integer NOT NULL,
	`cap` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `rule_id`, `customer_id`, `period`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_rule_usage_cap" CHECK("loyalty_rule_usage"."count" <= "loyalty_rule_usage"."cap")
);
--> statement-breakpoint
CREATE TABLE `loyalty_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event_type` text NOT NULL,
	`name` text NOT NULL,
	`points` integer NOT NULL,
	`rate` real,
	`referee_points` integer,
	`apply_tier_multiplier` integer NOT NULL,
	`min_order_amount` integer,
	`cap_per_day` integer,
	`cap_per_month` integer,
	`starts_at` integer,
	`ends_at` integer,
	`active` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_rules_tenant_event_unique` ON `loyalty_rules` (`tenant_id`,`event_type`);--> statement-breakpoint
CREATE INDEX `loyalty_rules_tenant_created_idx` ON `loyalty_rules` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`currency` text NOT NULL,
	`earn_rate` real NOT NULL,
	`rounding` text NOT NULL,
	`exclude_shipping` integer NOT NULL,
	`exclude_tax` integer NOT NULL,
	`point_value` real NOT NULL,
	`pending_days` integer NOT NULL,
	`expiry_policy` text NOT NULL,
	`expiry_months` integer NOT NULL,
	`negative_balance` text NOT NULL,
	`tier_metric` text NOT NULL,
	`tier_window_days` integer NOT NULL,
	`tier_period_days` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `loyalty_tiers` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`threshold` integer NOT NULL,
	`multiplier_percent` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "loyalty_tiers_threshold" CHECK("loyalty_tiers"."threshold" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_tiers_tenant_threshold_unique` ON `loyalty_tiers` (`tenant_id`,`threshold`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`response_type` text,
	`locked_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `key`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "idempotency_keys_key_length" CHECK(length("idempotency_keys"."key") BETWEEN 1 AND 255)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_tenant_created_idx` ON `idempotency_keys` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);