using Wushe.Data;

namespace Wushe.Platform.Areas;

/// <summary>
/// A roll-up keyed by area codes that is derived from area-scoped records (service tallies, say). Its rows are not
/// <c>IAreaScoped</c> records themselves — a record moved by a division change moves every ancestor's figure with it — so
/// whoever moves records (the division import) rebuilds every registered roll-up in the same transaction.
/// Register an implementation as a singleton <see cref="IAreaRollUp"/> in the feature's <c>AddServices</c>.
/// </summary>
public interface IAreaRollUp
{
    /// <summary>Recomputes the roll-up from its records, in the caller's transaction if there is one.</summary>
    Task RebuildAsync(AppDb db, CancellationToken ct);
}
