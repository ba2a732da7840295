using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Wushe.Platform.Areas;

namespace Wushe.Platform.Access;

/// <summary>
/// The scope rule, written once: a code lies in an area when it falls in the area's range of 12-digit codes
/// (<see cref="AreaCode.Range"/>, <see cref="Scope"/>). In a query it is always the two comparisons
/// <c>code &gt;= low AND code &lt;= high</c> — one range, no OR, no LIKE — so SQLite and PostgreSQL serve it from
/// the area-code index (every area-code column has one, by convention: <see cref="AreaCodeColumns"/>).
/// Inside a query lambda write <see cref="Within"/> and pass the lambda through <see cref="Expand{T}"/>
/// (or <see cref="WhereWithin{T}"/>); <see cref="WithinArea{T}(IQueryable{T}, Expression{Func{T, string}}, string, string)"/>
/// is the one-column shorthand.
/// </summary>
public static class AreaRange
{
    static readonly MethodInfo WithinMethod = typeof(AreaRange).GetMethod(nameof(Within))!;
    static readonly MethodInfo CompareMethod = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>
    /// Whether <paramref name="code"/> lies in [<paramref name="low"/>, <paramref name="high"/>]. In a query, a marker
    /// that <see cref="Expand{T}"/> turns into the range comparison; in memory, the same rule (ordinal, as the "C" collation).
    /// </summary>
    public static bool Within(string? code, string low, string high) =>
        code is not null && string.CompareOrdinal(code, low) >= 0 && string.CompareOrdinal(code, high) <= 0;

    /// <summary>The predicate with every <see cref="Within"/> (nested lambdas included) written as the range comparison EF translates.</summary>
    public static Expression<Func<T, bool>> Expand<T>(Expression<Func<T, bool>> predicate) =>
        (Expression<Func<T, bool>>)new Expander().Visit(predicate);

    /// <summary><c>query.Where(predicate)</c>, with <see cref="Within"/> expanded.</summary>
    public static IQueryable<T> WhereWithin<T>(this IQueryable<T> query, Expression<Func<T, bool>> predicate) =>
        query.Where(Expand(predicate));

    /// <summary>Records whose code (<paramref name="code"/>) lies in [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static IQueryable<T> WithinArea<T>(this IQueryable<T> query, Expression<Func<T, string>> code, string low, string high)
    {
        Expression<Func<string, bool>> rule = c => Within(c, low, high);
        var body = new Replace(rule.Parameters[0], code.Body).Visit(rule.Body);
        return query.Where(Expand(Expression.Lambda<Func<T, bool>>(body, code.Parameters)));
    }

    /// <summary>Records whose code lies in the scope: all of them, none, or its range.</summary>
    public static IQueryable<T> WithinArea<T>(this IQueryable<T> query, Expression<Func<T, string>> code, Scope scope) =>
        scope.All ? query : scope.None ? query.Where(_ => false) : query.WithinArea(code, scope.Low, scope.High);

    /// <summary>Records under an area given by its code (a township, a county…).</summary>
    public static IQueryable<T> WithinArea<T>(this IQueryable<T> query, Expression<Func<T, string>> code, string areaCode12)
    {
        var (low, high) = AreaCode.Range(areaCode12);
        return query.WithinArea(code, low, high);
    }

    sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != WithinMethod) return base.VisitMethodCall(node);
            var code = Visit(node.Arguments[0]);
            var zero = Expression.Constant(0);
            return Expression.AndAlso(
                Expression.GreaterThanOrEqual(Expression.Call(CompareMethod, code, Visit(node.Arguments[1])), zero),
                Expression.LessThanOrEqual(Expression.Call(CompareMethod, code, Visit(node.Arguments[2])), zero));
        }
    }

    sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

public static class AreaQueries
{
    /// <summary>
    /// Records under an area (a filter the user chose, e.g. a tree node), as an index-friendly
    /// range on the 12-digit code. Null or malformed: no narrowing. The scope filter still applies.
    /// </summary>
    public static IQueryable<T> Under<T>(this IQueryable<T> query, string? areaCode) where T : class, IAreaScoped =>
        AreaCode.Normalize(areaCode) is { } code
            ? query.WithinArea(e => EF.Property<string>(e, nameof(IAreaScoped.AreaCode)), code)
            : query;
}
