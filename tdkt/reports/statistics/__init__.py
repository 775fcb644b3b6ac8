"""Statistics of the sector's emulation and commendation (issue 5 item 2) and the leader
dashboard's figures: counts computed with aggregate queries within the user's reach, each
figure linked to the list behind it (the drill-down lists of awards and proposal lines).

Revoked awards never count. The same functions feed the pages, the Excel export and the API.
"""
