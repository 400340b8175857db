-- A delivery receipt changed an indexed column (status) of every SMS, so PostgreSQL had to write a new entry in
-- each of the table's indexes for it. The history screen's status filter now reads the newest rows through
-- created_at, which never changes, and a receipt becomes an update the table can make in place.
drop index sms_message_status;
create index sms_message_created on sms_message (created_at);
