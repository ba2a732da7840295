using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Wushe.Data;

namespace Wushe.Bench.Generate;

/// <summary>
/// Bulk writes of entities the app defines, for the millions of rows of the household benchmark (EF's change tracker
/// manages ~20,000 rows a second; this path ~10× that). The columns, names and value conversions come from the EF model
/// itself (each property's relational type mapping and converter, owned sealed values included), so the rows are
/// exactly what the app would have written. SQLite: one prepared INSERT per table, reused inside the caller's
/// transaction. PostgreSQL: binary COPY.
/// </summary>
sealed class BulkTable<T> where T : class
{
    sealed record Column(string Name, Func<T, object?> Get, ValueConverter? Converter, RelationalTypeMapping Mapping);

    readonly List<Column> columns = [];
    readonly string table;

    public BulkTable(AppDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        foreach (var p in entity.GetProperties())
        {
            if (p.IsShadowProperty()) throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property: the bulk writer cannot read it.");
            var getter = p.GetGetter();
            Add(p, store, e => getter.GetClrValue(e));
        }
        foreach (var nav in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            var owner = nav.GetGetter();
            foreach (var p in nav.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey()))
            {
                var getter = p.GetGetter();
                Add(p, store, e => owner.GetClrValue(e) is { } owned ? getter.GetClrValue(owned) : null);
            }
        }
    }

    void Add(IProperty p, StoreObjectIdentifier store, Func<T, object?> get)
    {
        var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
        columns.Add(new Column(p.GetColumnName(store) ?? throw new InvalidOperationException($"{p.Name} has no column."), get, mapping.Converter, mapping));
    }

    object Value(Column c, T row)
    {
        var v = c.Get(row);
        if (v is null) return DBNull.Value;
        return c.Converter is null ? v : c.Converter.ConvertToProvider(v) ?? DBNull.Value;
    }

    /// <summary>Writes <paramref name="rows"/> on <paramref name="connection"/> (open), inside <paramref name="transaction"/> on SQLite.</summary>
    public async Task<int> WriteAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<T> rows)
    {
        if (rows.Count == 0) return 0;
        if (connection is NpgsqlConnection pg) return await CopyAsync(pg, rows);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) =>
        {
            var p = c.Mapping.CreateParameter(cmd, "@p" + i, null, nullable: true);
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = Value(columns[i], row);
            await cmd.ExecuteNonQueryAsync();
        }
        return rows.Count;
    }

    NpgsqlDbType[]? pgTypes;

    async Task<int> CopyAsync(NpgsqlConnection connection, IReadOnlyList<T> rows)
    {
        if (pgTypes is null)
        {
            await using var probe = connection.CreateCommand();
            pgTypes = columns.Select((c, i) => ((NpgsqlParameter)c.Mapping.CreateParameter(probe, "p" + i, null, nullable: true)).NpgsqlDbType).ToArray();
        }
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await copy.StartRowAsync();
            for (var i = 0; i < columns.Count; i++)
            {
                var v = Value(columns[i], row);
                if (v is DBNull) await copy.WriteNullAsync();
                else await copy.WriteAsync(v, pgTypes[i]);
            }
        }
        await copy.CompleteAsync();
        return rows.Count;
    }
}
