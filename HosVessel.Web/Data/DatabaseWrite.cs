using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// One write in progress, handed out only by <see cref="Database.WriteAsync{T}"/>: the writable connection and its
/// transaction, for the stores to run their statements on. Reads inside it see the write's own changes.
/// </summary>
public sealed class DatabaseWrite(SqliteConnection connection, SqliteTransaction transaction)
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; } = transaction;

    public bool Discarded { get; private set; }

    /// <summary>Roll back instead of committing when the work returns (a dry run, a rejected import).</summary>
    public void Discard() => Discarded = true;
}
