"""Pages of the emulation app, one module per sub-domain; thin, writes go through services."""

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
