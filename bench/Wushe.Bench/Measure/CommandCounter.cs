using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wushe.Bench.Measure;

/// <summary>Counts the SQL commands EF sends, so each case reports its round trips; while <see cref="Recording"/>, keeps the queries (text and parameters) for EXPLAIN.</summary>
sealed class CommandCounter : DbCommandInterceptor
{
    long count;

    public long Count => Interlocked.Read(ref count);

    /// <summary>When set, each query EF runs is added to it (text and parameter values).</summary>
    public List<(string Sql, List<(string Name, object? Value)> Parameters)>? Recording { get; set; }

    /// <summary>When set: every command's text (its first line's start) and time in the database (EF's measured duration), including non-queries.</summary>
    public List<(string Sql, TimeSpan Duration)>? Timed { get; set; }

    void Time(DbCommand command, CommandExecutedEventData e)
    {
        if (Timed is { } list) lock (list) list.Add((command.CommandText, e.Duration));
    }

    void Record(DbCommand command)
    {
        if (Recording is { } list)
            list.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList()));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Time(command, eventData);
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Time(command, eventData);
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Time(command, eventData);
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Time(command, eventData);
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Time(command, eventData);
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Time(command, eventData);
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }
}
