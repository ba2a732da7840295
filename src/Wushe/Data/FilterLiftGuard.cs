using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Wushe.Data;

/// <summary>
/// Refuses a query that lifts a named filter (<see cref="AppDb.ScopeFilter"/>, <see cref="AppDb.OrganizationFilter"/>) on one of its
/// sources but reads another source carrying that filter without saying so. EF applies <c>IgnoreQueryFilters</c> to the whole query,
/// not to the set it is written on: <c>db.Awards.IgnoreQueryFilters([Scope]).Where(a =&gt; db.Calls.Any(…))</c> reads every area's
/// calls too. Each source that must read beyond the scope says so with its own <c>IgnoreQueryFilters</c>; a source that should stay
/// in scope is read in a query of its own (or its ids first). Runs when EF compiles a query (once per query shape, then cached).
/// </summary>
/// <exception cref="InvalidOperationException">At compilation, naming the entity and the filter that would silently be lifted.</exception>
public sealed class FilterLiftGuard : IQueryExpressionInterceptor
{
    public static readonly FilterLiftGuard Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        var finder = new Sources();
        finder.Visit(queryExpression);
        if (finder.Lifted.Count == 0 && !finder.LiftsAll) return queryExpression;
        foreach (var (entity, wrapped) in finder.Found)
        {
            foreach (var filter in entity.GetRootType().GetDeclaredQueryFilters())
            {
                if (filter.Key is not { } key) continue;
                var liftedHere = finder.LiftsAll || finder.Lifted.Contains(key);
                var saidSo = wrapped is { } w && (w.All || w.Keys.Contains(key));
                if (liftedHere && !saidSo)
                    throw new InvalidOperationException(
                        $"This query lifts the '{key}' filter on one source and so lifts it on {entity.ClrType.Name} too, which it reads without " +
                        $"IgnoreQueryFilters: read {entity.ClrType.Name} in a query of its own, or lift the filter on it explicitly if that is meant. " +
                        "EF applies IgnoreQueryFilters to a whole query (FilterLiftGuard).");
            }
        }
        return queryExpression;
    }

    sealed record Wrap(bool All, IReadOnlyCollection<string> Keys);

    /// <summary>Every entity source of a query, with the IgnoreQueryFilters written directly on its chain, if any.</summary>
    sealed class Sources : ExpressionVisitor
    {
        public readonly List<(IEntityType Entity, Wrap? Wrapped)> Found = [];
        public readonly HashSet<string> Lifted = [];
        public bool LiftsAll;
        Wrap? pending;

        public override Expression? Visit(Expression? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case EntityQueryRootExpression root:
                    Found.Add((root.EntityType, pending));
                    return node;
                case MethodCallExpression call:
                    return VisitCall(call);
                default:
                    var outer = pending;
                    pending = null;
                    var result = base.Visit(node);
                    pending = outer;
                    return result;
            }
        }

        MethodCallExpression VisitCall(MethodCallExpression call)
        {
            var outer = pending;
            if (call.Method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters)
                && call.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions))
            {
                var wrap = call.Arguments.Count == 1 ? new Wrap(true, []) : new Wrap(false, Keys(call.Arguments[1]));
                if (wrap.All) LiftsAll = true;
                Lifted.UnionWith(wrap.Keys);
                pending = outer is null ? wrap : new Wrap(outer.All || wrap.All, [.. outer.Keys, .. wrap.Keys]);
                Visit(call.Arguments[0]);
                pending = outer;
                return call;
            }
            // A query operator's first argument is its source: a lift written after it still applies to that source's chain.
            var chained = call.Arguments.Count > 0 && call.Method.IsStatic
                && (call.Method.DeclaringType == typeof(Queryable) || call.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions));
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                pending = chained && i == 0 ? outer : null;
                Visit(call.Arguments[i]);
            }
            pending = null;
            Visit(call.Object);
            pending = outer;
            return call;
        }

        static IReadOnlyCollection<string> Keys(Expression keys) => keys switch
        {
            ConstantExpression { Value: IEnumerable<string> names } => [.. names],
            _ => [.. (IEnumerable<string>)Expression.Lambda(keys).Compile().DynamicInvoke()!],
        };
    }
}
