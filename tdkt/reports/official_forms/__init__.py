"""The statistics forms 0601.N–0605.N/BNV-TĐKT of Circular 02/2023/TT-BNV as Excel files.

``layouts`` holds the headings as data, ``figures`` counts from the register, ``workbook``
draws the sheet, ``scope`` says which units a user may report for, ``report`` ties them.
"""
