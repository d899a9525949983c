CREATE TABLE `email_campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`name` text NOT NULL,
	`from_name` text NOT NULL,
	`from_email` text NOT NULL,
	`reply_to` text,
	`texts` text NOT NULL,
	`base_url` text NOT NULL,
	`status` text NOT NULL,
	`send_at` integer,
	`link_valid_days` integer NOT NULL,
	`started_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_campaigns_tenant_created_idx` ON `email_campaigns` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `email_campaigns_tenant_status_send_idx` ON `email_campaigns` (`tenant_id`,`status`,`send_at`);--> statement-breakpoint
CREATE TABLE `email_hits` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`kind` text NOT NULL,
	`score` integer,
	`verdict` text NOT NULL,
	`reason` text,
	`user_agent` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `email_campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_id`) REFERENCES `email_recipients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `email_hits_tenant_recipient_created_idx` ON `email_hits` (`tenant_id`,`recipient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `email_hits_tenant_campaign_verdict_idx` ON `email_hits` (`tenant_id`,`campaign_id`,`verdict`);--> statement-breakpoint
CREATE TABLE `email_recipients` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`locale` text,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`locked_at` integer,
	`response_id` text,
	`sent_at` integer,
	`clicked_at` integer,
	`answered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `email_campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_recipients_tenant_campaign_customer_unique` ON `email_recipients` (`tenant_id`,`campaign_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `email_recipients_tenant_campaign_status_idx` ON `email_recipients` (`tenant_id`,`campaign_id`,`status`);--> statement-breakpoint
CREATE INDEX `email_recipients_tenant_customer_sent_idx` ON `email_recipients` (`tenant_id`,`customer_id`,`sent_at`);--> statement-breakpoint
CREATE TABLE `email_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`resurvey_days` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `email_signing_keys` (
	`tenant_id` text NOT NULL,
	`kid` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`retired_at` integer,
	PRIMARY KEY(`tenant_id`, `kid`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `email_suppressions` (
	`tenant_id` text NOT NULL,
	`email_hash` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `email_hash`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
