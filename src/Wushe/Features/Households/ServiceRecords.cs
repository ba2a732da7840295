using Wushe.Data;

namespace Wushe.Features.Households;

/// <summary>
/// Writes the service record of a service given (a visit, a case service, a group session, an assessment …) with its people,
/// in the caller's transaction (the caller saves). One place, so every kind of service counts the same way in the summaries.
/// </summary>
public static class ServiceRecords
{
    /// <summary>
    /// Adds a record of <paramref name="kind"/> on <paramref name="servedOn"/> (China date) in <paramref name="areaCode"/> (12 digits),
    /// from <paramref name="source"/>/<paramref name="sourceId"/>, with <paramref name="residentIds"/> as its beneficiaries (duplicates ignored).
    /// </summary>
    public static ServiceRecord Add(AppDb db, string areaCode, ServiceKind kind, DateOnly servedOn, ServiceSource source, Guid sourceId,
        string workers, string summary, IEnumerable<Guid> residentIds)
    {
        var people = residentIds.Distinct().ToList();
        var record = new ServiceRecord(areaCode, kind, servedOn, source, sourceId, workers.Length > 200 ? workers[..200] : workers,
            summary.Length > 200 ? summary[..200] : summary, people.Count);
        db.Add(record);
        foreach (var id in people) db.Add(new ServiceBeneficiary(record, id));
        return record;
    }
}
