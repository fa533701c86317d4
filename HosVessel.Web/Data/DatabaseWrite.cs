using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// One write in progress, handed out only by <see cref="Database.WriteAsync{T}"/>: the writable connection and its
/// transaction, for the stores to run their statements on. Reads inside it see the write's own changes.
/// </summary>
public sealed class DatabaseWrite(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public bool Discarded { get; private set; }

    /// <summary>Roll back instead of committing when the work returns (a dry run, a rejected import).</summary>
    public void Discard() => Discarded = true;

    /// <summary>
    /// The command for <paramref name="sql"/> in this write, compiled on first use and reused, its parameters cleared
    /// for the caller to bind. An import runs one statement for each of its rows, and SQLite compiles a statement with
    /// every trigger it fires (the search indexes'): compiling cost twice running it.
    /// </summary>
    public SqliteCommand Prepared(string sql)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = Transaction;
            prepared[sql] = command;
        }
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }
        prepared.Clear();
    }
}
