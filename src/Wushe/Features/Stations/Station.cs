using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Stations;

/// <summary>Three levels, each tied to an area of the matching level.</summary>
public enum StationLevel
{
    CityCentre = 1,
    CountyStation = 2,
    TownshipStation = 3,
}

public enum StationStatus
{
    Active = 1,
    Closed = 2,
}

/// <summary>A social-work station (社工站): a city guidance centre, a county station, or a township station.</summary>
public sealed class Station : IAreaScoped
{
    private Station() { AreaCode = Name = Address = ContactName = ""; }

    public Station(string areaCode, StationLevel level, string name, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Level = level;
        Name = name;
        Address = ContactName = "";
        Status = StationStatus.Active;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public StationLevel Level { get; private set; }
    public string Name { get; private set; }
    public string Address { get; private set; }
    public string ContactName { get; private set; }
    public SealedValue? ContactPhone { get; private set; }
    public DateOnly? OpenedOn { get; private set; }

    /// <summary>双站合一: the township station is also the civilization-practice station.</summary>
    public bool IsCivilizationPracticeStation { get; private set; }

    /// <summary>
    /// Changes the details kept about the station (修改). Its area and level are what it is and never change:
    /// a move is a new station, and this one closed. The caller has validated the values (SaveStation).
    /// </summary>
    public void Edit(string name, string address, string contactName, DateOnly? openedOn, bool isCivilizationPracticeStation)
    {
        Name = name;
        Address = address;
        ContactName = contactName;
        OpenedOn = openedOn;
        IsCivilizationPracticeStation = isCivilizationPracticeStation;
    }

    /// <summary>Sets or removes the sealed contact phone (see SaveStation for when an empty value keeps it).</summary>
    public void SetContactPhone(SealedValue? phone) => ContactPhone = phone;
    public StationStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>"五有五统一" roll-up: items whose latest check is met, and items checked at all; kept by RecordCheck in the same transaction.</summary>
    public int StandardMet { get; private set; }
    public int StandardChecked { get; private set; }

    public void SetStandard((int Met, int Checked) summary) => (StandardMet, StandardChecked) = summary;

    /// <summary>Application-managed concurrency token (works on SQLite, PostgreSQL and Citus alike).</summary>
    public int Version { get; private set; }

    public void Touch() => Version++;

    public void Close() => Status = StationStatus.Closed;

    public void Reopen() => Status = StationStatus.Active;

    public static AreaLevel AreaLevelFor(StationLevel level) => level switch
    {
        StationLevel.CityCentre => AreaLevel.City,
        StationLevel.CountyStation => AreaLevel.County,
        _ => AreaLevel.Township,
    };

    public static string LevelLabel(StationLevel level) => level switch
    {
        StationLevel.CityCentre => Lang.T("市级指导中心", "City guidance centre"),
        StationLevel.CountyStation => Lang.T("县级社工总站", "County station"),
        _ => Lang.T("乡镇（街道）社工站", "Township station"),
    };

    public static string StatusLabel(StationStatus status) => status == StationStatus.Active ? Lang.T("正常", "Active") : Lang.T("停用", "Closed");
}

/// <summary>A staff member of a station: a user account working there.</summary>
public sealed class StationStaff : IAreaScoped
{
    private StationStaff() { AreaCode = Position = ""; }

    public StationStaff(Station station, Guid userId, string position, DateOnly joinedOn, bool isHead = false)
    {
        IsHead = isHead;
        Id = Guid.CreateVersion7();
        StationId = station.Id;
        AreaCode = station.AreaCode;
        UserId = userId;
        Position = position;
        JoinedOn = joinedOn;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid UserId { get; private set; }
    public string Position { get; private set; }
    public DateOnly JoinedOn { get; private set; }
    /// <summary>站长 (or the station's lead social worker): approves case assessments, plans and closures of the station's area.</summary>
    public bool IsHead { get; private set; }

    public void SetHead(bool isHead) => IsHead = isHead;
}

public enum FundingSource
{
    CityBudget = 1,
    CountyBudget = 2,
    WelfareLottery = 3,
    AssistanceFund = 4,
    UnitedFront = 5,
    Other = 9,
}

/// <summary>政府购买服务: a contract that funds a station.</summary>
public sealed class ServicePurchase : IAreaScoped
{
    private ServicePurchase() { AreaCode = Purchaser = Provider = ContractNo = ""; }

    public ServicePurchase(Station station, string purchaser, string provider, string contractNo, long amountFen,
        DateOnly startOn, DateOnly endOn, FundingSource source)
    {
        Id = Guid.CreateVersion7();
        StationId = station.Id;
        AreaCode = station.AreaCode;
        Purchaser = purchaser;
        Provider = provider;
        ContractNo = contractNo;
        AmountFen = amountFen;
        StartOn = startOn;
        EndOn = endOn;
        Source = source;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string AreaCode { get; private set; }
    public string Purchaser { get; private set; }
    public string Provider { get; private set; }
    public string ContractNo { get; private set; }

    /// <summary>Money is whole fen.</summary>
    public long AmountFen { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    public FundingSource Source { get; private set; }

    public static string SourceLabel(FundingSource s) => s switch
    {
        FundingSource.CityBudget => Lang.T("市级财政", "City budget"),
        FundingSource.CountyBudget => Lang.T("县级财政", "County budget"),
        FundingSource.WelfareLottery => Lang.T("福彩公益金", "Welfare-lottery fund"),
        FundingSource.AssistanceFund => Lang.T("救助资金", "Assistance fund"),
        FundingSource.UnitedFront => Lang.T("统战帮扶资金", "United-front assistance"),
        _ => Lang.T("其他", "Other"),
    };
}
