-- Gas the relayer spent per UTC day, shared by all replicas: a relay first reserves its maximum cost
-- (gas limit x gas price) with one conditional UPDATE, then settles it to gas used x price from the receipt.
create table relayer_spending (
    spending_day date primary key,
    spent_wei    numeric(78, 0) not null,
    reserved_wei numeric(78, 0) not null
);
