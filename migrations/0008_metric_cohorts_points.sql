CREATE TABLE `metric_cohort_cells` (
	`tenant_id` text NOT NULL,
	`cohort` text NOT NULL,
	`month` text NOT NULL,
	`customers` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `cohort`, `month`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_customer_cohorts` (
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`cohort` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `customer_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_points_daily` (
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`issued` integer DEFAULT 0 NOT NULL,
	`redeemed` integer DEFAULT 0 NOT NULL,
	`expired` integer DEFAULT 0 NOT NULL,
	`reversed` integer DEFAULT 0 NOT NULL,
	`adjusted` integer DEFAULT 0 NOT NULL,
	`available_delta` integer DEFAULT 0 NOT NULL,
	`pending_delta` integer DEFAULT 0 NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `metric_points_daily_tenant_version_idx` ON `metric_points_daily` (`tenant_id`,`version`);