// MARK: - Bundled holiday data

extension WorkingCalendar {
    /// The State Council's published holiday schedules for 2024 to 2026, in the format of ``parse(_:)``.
    ///
    /// Kept in source rather than as a resource so the binary is self-contained. Each year was checked, holidays and
    /// make-up working days, against the full text of its notice; see the header of the data.
    public static let bundledData = """
        # Public holidays and make-up working days in mainland China, one line per date.
        #
        # Each year comes from the notice of the General Office of the State Council named on its
        # source line. Every date below, holidays and make-up working days, was checked against the
        # full text of the notice as republished by People's Daily, Xinhua and Guangming Online
        # (2024 also from the State Council Gazette 2023 No. 31). A weekend that a notice joins to a
        # holiday (与周末连休) is listed as part of that holiday.
        #
        # 2026: the dates are confirmed by the notice's text (Xinhua, 2025-11-04); the document
        # number 国办发明电〔2025〕7号 is confirmed only by secondary sources citing gov.cn.
        # 2027: no notice could be found and verified when this data was written. Dates in 2027 and
        # later fall back to plain weekdays, and DayStatus says so. When the notice is published, add
        # the year to the administrator's file (e.g. /etc/custody/holidays.txt) in this format.

        source 2024 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）
        source 2025 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）
        source 2026 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）

        2024-01-01 holiday 元旦
        2024-02-04 workday 春节
        2024-02-10 holiday 春节
        2024-02-11 holiday 春节
        2024-02-12 holiday 春节
        2024-02-13 holiday 春节
        2024-02-14 holiday 春节
        2024-02-15 holiday 春节
        2024-02-16 holiday 春节
        2024-02-17 holiday 春节
        2024-02-18 workday 春节
        2024-04-04 holiday 清明节
        2024-04-05 holiday 清明节
        2024-04-06 holiday 清明节
        2024-04-07 workday 清明节
        2024-04-28 workday 劳动节
        2024-05-01 holiday 劳动节
        2024-05-02 holiday 劳动节
        2024-05-03 holiday 劳动节
        2024-05-04 holiday 劳动节
        2024-05-05 holiday 劳动节
        2024-05-11 workday 劳动节
        2024-06-08 holiday 端午节
        2024-06-09 holiday 端午节
        2024-06-10 holiday 端午节
        2024-09-14 workday 中秋节
        2024-09-15 holiday 中秋节
        2024-09-16 holiday 中秋节
        2024-09-17 holiday 中秋节
        2024-09-29 workday 国庆节
        2024-10-01 holiday 国庆节
        2024-10-02 holiday 国庆节
        2024-10-03 holiday 国庆节
        2024-10-04 holiday 国庆节
        2024-10-05 holiday 国庆节
        2024-10-06 holiday 国庆节
        2024-10-07 holiday 国庆节
        2024-10-12 workday 国庆节

        2025-01-01 holiday 元旦
        2025-01-26 workday 春节
        2025-01-28 holiday 春节
        2025-01-29 holiday 春节
        2025-01-30 holiday 春节
        2025-01-31 holiday 春节
        2025-02-01 holiday 春节
        2025-02-02 holiday 春节
        2025-02-03 holiday 春节
        2025-02-04 holiday 春节
        2025-02-08 workday 春节
        2025-04-04 holiday 清明节
        2025-04-05 holiday 清明节
        2025-04-06 holiday 清明节
        2025-04-27 workday 劳动节
        2025-05-01 holiday 劳动节
        2025-05-02 holiday 劳动节
        2025-05-03 holiday 劳动节
        2025-05-04 holiday 劳动节
        2025-05-05 holiday 劳动节
        2025-05-31 holiday 端午节
        2025-06-01 holiday 端午节
        2025-06-02 holiday 端午节
        2025-09-28 workday 国庆节、中秋节
        2025-10-01 holiday 国庆节、中秋节
        2025-10-02 holiday 国庆节、中秋节
        2025-10-03 holiday 国庆节、中秋节
        2025-10-04 holiday 国庆节、中秋节
        2025-10-05 holiday 国庆节、中秋节
        2025-10-06 holiday 国庆节、中秋节
        2025-10-07 holiday 国庆节、中秋节
        2025-10-08 holiday 国庆节、中秋节
        2025-10-11 workday 国庆节、中秋节

        2026-01-01 holiday 元旦
        2026-01-02 holiday 元旦
        2026-01-03 holiday 元旦
        2026-01-04 workday 元旦
        2026-02-14 workday 春节
        2026-02-15 holiday 春节
        2026-02-16 holiday 春节
        2026-02-17 holiday 春节
        2026-02-18 holiday 春节
        2026-02-19 holiday 春节
        2026-02-20 holiday 春节
        2026-02-21 holiday 春节
        2026-02-22 holiday 春节
        2026-02-23 holiday 春节
        2026-02-28 workday 春节
        2026-04-04 holiday 清明节
        2026-04-05 holiday 清明节
        2026-04-06 holiday 清明节
        2026-05-01 holiday 劳动节
        2026-05-02 holiday 劳动节
        2026-05-03 holiday 劳动节
        2026-05-04 holiday 劳动节
        2026-05-05 holiday 劳动节
        2026-05-09 workday 劳动节
        2026-06-19 holiday 端午节
        2026-06-20 holiday 端午节
        2026-06-21 holiday 端午节
        2026-09-20 workday 国庆节
        2026-09-25 holiday 中秋节
        2026-09-26 holiday 中秋节
        2026-09-27 holiday 中秋节
        2026-10-01 holiday 国庆节
        2026-10-02 holiday 国庆节
        2026-10-03 holiday 国庆节
        2026-10-04 holiday 国庆节
        2026-10-05 holiday 国庆节
        2026-10-06 holiday 国庆节
        2026-10-07 holiday 国庆节
        2026-10-10 workday 国庆节
        """
}
