CREATE TABLE `alert_windows` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`ends_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `response_alerts` (
	`tenant_id` text NOT NULL,
	`response_id` text NOT NULL,
	`detractor_score` integer NOT NULL,
	`negative_comment` integer NOT NULL,
	`base_url` text NOT NULL,
	`batch_key` text,
	`created_at` integer NOT NULL,
	`emailed_at` integer,
	PRIMARY KEY(`tenant_id`, `response_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `response_alerts_tenant_batch_idx` ON `response_alerts` (`tenant_id`,`batch_key`);--> statement-breakpoint
CREATE INDEX `response_alerts_tenant_pending_idx` ON `response_alerts` (`tenant_id`,`emailed_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `metric_sentiment_daily` (
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`survey_id` text NOT NULL,
	`channel` text NOT NULL,
	`positive` integer DEFAULT 0 NOT NULL,
	`neutral` integer DEFAULT 0 NOT NULL,
	`negative` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`, `survey_id`, `channel`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `metric_topic_daily` (
	`tenant_id` text NOT NULL,
	`day` text NOT NULL,
	`survey_id` text NOT NULL,
	`channel` text NOT NULL,
	`topic` text NOT NULL,
	`mentions` integer DEFAULT 0 NOT NULL,
	`detractor_mentions` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_id`, `day`, `survey_id`, `channel`, `topic`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
