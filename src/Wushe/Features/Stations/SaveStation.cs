using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Stations;

/// <summary>
/// Register a station (新增) or change its details (修改). One station of a level per area. An update
/// refuses (400, naming the field) an area or level other than the station's: they cannot change.
/// <para>The contact phone is sealed and never sent back in clear, so on an update an empty phone <b>keeps</b> the
/// stored number — for the page (whose box shows only the masked number) and the API alike — and
/// <c>ClearContactPhone</c> removes it. A phone and <c>ClearContactPhone</c> together are refused.</para>
/// </summary>
public static class SaveStation
{
    public sealed record Request(
        [Label("所属区划", "Area")] string? AreaCode,
        [Label("站点层级", "Level")] StationLevel? Level,
        [Label("站点名称", "Name")] string? Name,
        [Label("地址", "Address")] string? Address,
        [Label("联系人", "Contact")] string? ContactName,
        [Label("联系电话", "Contact phone")] string? ContactPhone,
        [Label("建站日期", "Opening date")] DateOnly? OpenedOn,
        [Label("双站合一", "Civilization-practice station")] bool IsCivilizationPracticeStation,
        [Label("版本", "Version")] int? Version = null,
        [Label("清除联系电话", "Clear contact phone")] bool ClearContactPhone = false);

    public sealed record Created(Guid Id);

    public static async Task<Result<Created>> Create(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, clock);
        var code = Wushe.Platform.Areas.AreaCode.Normalize(r.AreaCode);
        if (code is null) errors.Add("areaCode", Lang.T("请选择所属区划", "Please choose the area"));
        if (r.Level is null || !Enum.IsDefined(r.Level.Value)) errors.Add("level", Lang.T("请选择站点层级", "Please choose the level"));
        if (errors.Any) return errors.ToFailure();

        // The scope filter hides areas outside the user's scope: to them those areas do not exist.
        var area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code && a.ValidTo == null, ct);
        if (area is null) return Failure.Invalid("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
        if (area.Level != Station.AreaLevelFor(r.Level!.Value))
            return Failure.Invalid("level", Lang.T($"{Station.LevelLabel(r.Level.Value)}应设在{Wushe.Platform.Areas.AreaCode.LevelLabel(Station.AreaLevelFor(r.Level.Value))}一级，所选区划是{Wushe.Platform.Areas.AreaCode.LevelLabel(area.Level)}",
                $"A {Station.LevelLabel(r.Level.Value)} belongs to a {Wushe.Platform.Areas.AreaCode.LevelLabel(Station.AreaLevelFor(r.Level.Value))}; the chosen area is a {Wushe.Platform.Areas.AreaCode.LevelLabel(area.Level)}"));
        // Natural key: one station of a level per area (a unique index); 409 on the area, also when two requests race.
        var duplicate = Failure.Duplicate("areaCode", Lang.T($"{area.Name}已有{Station.LevelLabel(r.Level.Value)}，不能重复新增", $"{area.Name} already has a {Station.LevelLabel(r.Level.Value)}"));
        if (await db.Stations.IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(s => s.AreaCode == area.Code && s.Level == r.Level, ct)) return duplicate;
        if (!user.Scope.Covers(area.Code)) return Failure.Forbidden();

        var station = new Station(area.Code, r.Level.Value, r.Name!.Trim(), clock.GetUtcNow());
        Apply(station, r, sealer);
        db.Stations.Add(station);
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns) return columns.Contains(nameof(Station.Level)) ? duplicate : UniqueKeys.Conflict();
        return new Created(station.Id);
    }

    public static async Task<Result<Created>> Update(AppDb db, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var station = await db.StationAsync(id, ct);
        if (station is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        // A station's place and level are what it is: a move is a new station (and this one closed), never an edit.
        if (!string.IsNullOrWhiteSpace(r.AreaCode) && Wushe.Platform.Areas.AreaCode.Normalize(r.AreaCode) != station.AreaCode)
            errors.Add("areaCode", Lang.T("所属区划不能修改（需要调整时，请停用本站并在新区划新增站点）", "The area cannot be changed (close this station and add one in the new area instead)"));
        if (r.Level is { } level && level != station.Level)
            errors.Add("level", Lang.T("站点层级不能修改", "The level cannot be changed"));
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } v && v != station.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this station; reload and try again"));
        Apply(station, r, sealer);
        station.Touch();
        await db.SaveChangesAsync(ct);
        return new Created(station.Id);
    }

    /// <summary>The request's own rules (lengths, formats, dates), without the database: <see cref="Create"/> and
    /// <see cref="Update"/> run it first, and a page runs it too when another value of the form did not parse.</summary>
    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors()
            .Text("name", r.Name, "站点名称", "Name", 2, 100)
            .Text("address", r.Address, "地址", "Address", 0, 200, required: false)
            .Text("contactName", r.ContactName, "联系人", "Contact", 1, 50, required: false);
        // Stations are reached on a mobile or, more often, on an office landline with an extension.
        if (!string.IsNullOrWhiteSpace(r.ContactPhone))
            errors.Add("contactPhone", r.ClearContactPhone
                ? Lang.T("填写了联系电话就不能同时清除", "Give a contact phone or clear it, not both")
                : Telephone.Check(r.ContactPhone));
        if (r.OpenedOn is { } d && d > ChinaTime.Today(clock))
            errors.Add("openedOn", Lang.T("建站日期不能晚于今天", "The opening date cannot be in the future"));
        else if (r.OpenedOn is { Year: < 1990 })
            errors.Add("openedOn", Lang.T("建站日期不能早于 1990 年", "The opening date cannot be before 1990"));
        return errors;
    }

    static void Apply(Station s, Request r, Sealer sealer)
    {
        s.Edit(r.Name!.Trim(), r.Address?.Trim() ?? "", r.ContactName?.Trim() ?? "", r.OpenedOn, r.IsCivilizationPracticeStation);
        // Empty keeps the stored number (see the class); only an explicit clear removes it.
        if (r.ClearContactPhone) s.SetContactPhone(null);
        else if (!string.IsNullOrWhiteSpace(r.ContactPhone))
            s.SetContactPhone(sealer.Reseal(s.ContactPhone, SensitiveKind.Phone, Telephone.Normalize(r.ContactPhone)));
    }
}
