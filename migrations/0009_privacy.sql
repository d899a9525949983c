CREATE TABLE `privacy_erasures` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`customer_id` text NOT NULL,
	`actor` text NOT NULL,
	`erased_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_erasures_tenant_customer_unique` ON `privacy_erasures` (`tenant_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `privacy_erasures_tenant_erased_idx` ON `privacy_erasures` (`tenant_id`,`erased_at`,`id`);