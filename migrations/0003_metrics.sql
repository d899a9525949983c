CREATE TABLE `metric_customer_months` (
	`tenant_id` text NOT NULL,
	`month` text NOT NULL,
	`customer_id` text NOT NULL,
	`orders` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `month`, `customer_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_customers` (
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	`first_order_at` integer,
	`last_order_at` integer,
	`last_score` integer,
	`last_score_kind` text,
	`last_score_at` integer,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `customer_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_customers_tenant_version_idx` ON `metric_customers` (`tenant_id`,`version`);--> statement-breakpoint
CREATE INDEX `metric_customers_tenant_last_order_idx` ON `metric_customers` (`tenant_id`,`last_order_at`);--> statement-breakpoint
CREATE TABLE `metric_daily` (
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`survey_id` text NOT NULL,
	`channel` text NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`passives` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	`score_squares` integer DEFAULT 0 NOT NULL,
	`displayed` integer DEFAULT 0 NOT NULL,
	`dismissed` integer DEFAULT 0 NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`, `survey_id`, `channel`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_daily_tenant_version_idx` ON `metric_daily` (`tenant_id`,`version`);--> statement-breakpoint
CREATE TABLE `metric_goals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`metric` text NOT NULL,
	`target` real NOT NULL,
	`period` text NOT NULL,
	`segment` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_goals_tenant_created_idx` ON `metric_goals` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE TABLE `metric_orders_daily` (
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`orders` integer DEFAULT 0 NOT NULL,
	`revenue` integer DEFAULT 0 NOT NULL,
	`new_customers` integer DEFAULT 0 NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_orders_daily_tenant_version_idx` ON `metric_orders_daily` (`tenant_id`,`version`);--> statement-breakpoint
CREATE TABLE `metric_segment_daily` (
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`dimension` text NOT NULL,
	`value` text NOT NULL,
	`survey_id` text NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	`promoters` integer DEFAULT 0 NOT NULL,
	`passives` integer DEFAULT 0 NOT NULL,
	`detractors` integer DEFAULT 0 NOT NULL,
	`score_sum` integer DEFAULT 0 NOT NULL,
	`score_squares` integer DEFAULT 0 NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`, `dimension`, `value`, `survey_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_segment_daily_tenant_version_idx` ON `metric_segment_daily` (`tenant_id`,`version`);--> statement-breakpoint
CREATE TABLE `metric_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`churn_days` integer NOT NULL,
	`gross_margin` real,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_snapshots` (
	`tenant_id` text NOT NULL,
	`period` text NOT NULL,
	`segment` text NOT NULL,
	`data` text NOT NULL,
	`version` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `period`, `segment`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_state` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`data_version` integer NOT NULL,
	`computed_version` integer DEFAULT 0 NOT NULL,
	`computed_day` text,
	`computed_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
