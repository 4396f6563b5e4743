create sequence Note_SEQ start with 1 increment by 50;
create table Note (id bigint primary key, body text);
