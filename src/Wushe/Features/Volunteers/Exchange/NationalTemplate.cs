using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>导入模板: a blank file of one sheet of the national-exchange layout — its headers and one example row (never imported) — as .xlsx or CSV.</summary>
public static class NationalTemplate
{
    /// <summary><paramref name="sheet"/>: volunteers or hours; <paramref name="format"/>: xlsx (default) or csv.</summary>
    public static async Task<Result<ExportNationalVolunteers.File>> Handle(string? sheet, string? format, CancellationToken ct = default)
    {
        if (NationalLayout.ParseFormat(format) is not { } f) return Failure.Invalid("format", NationalLayout.FormatMessage);
        var (columns, zh, en) = sheet switch
        {
            "volunteers" => (NationalLayout.VolunteerColumns, "全国系统志愿者导入模板", "national-volunteers-template"),
            "hours" => (NationalLayout.HourColumns, "全国系统服务记录导入模板", "national-hours-template"),
            _ => default,
        };
        if (columns is null) return Failure.Invalid("sheet", Lang.T("模板应为 volunteers（志愿者）或 hours（服务记录）", "The sheet is volunteers or hours"));
        return new ExportNationalVolunteers.File(await NationalLayout.TemplateAsync(columns, zh, f, ct), Lang.T(zh, en) + NationalLayout.Extension(f), NationalLayout.ContentType(f));
    }
}
