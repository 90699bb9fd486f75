"""The network's figures for a period and a scope: every number a report, the dashboard or the
CIS indicator table shows is read here, once, by the database."""
