CREATE TABLE `widget_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`kind` text NOT NULL,
	`client_id` text NOT NULL,
	`subject` text,
	`locale` text,
	`device` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `widget_events_tenant_kind_client_unique` ON `widget_events` (`tenant_id`,`kind`,`client_id`);--> statement-breakpoint
CREATE INDEX `widget_events_tenant_subject_idx` ON `widget_events` (`tenant_id`,`subject`,`created_at`);--> statement-breakpoint
CREATE INDEX `widget_events_tenant_survey_idx` ON `widget_events` (`tenant_id`,`survey_id`,`kind`,`created_at`);