using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// The app's SQLite database. <see cref="Open"/> and <see cref="OpenAsync"/> give read-only connections; the one way
/// to change data is <see cref="WriteAsync{T}"/>, which waits for the write gate and runs the work in a transaction.
/// Each table's store is the only code that writes it (see <c>WritePathTests</c>). Every statement run on a
/// connection from here becomes a child span of the current recorded activity (<see cref="SqlTracing"/>), so a page
/// view in the dashboard shows its SQL.
/// </summary>
public sealed class Database(string connectionString)
{
    private readonly string writableConnectionString = connectionString;

    /// <summary>Read-only: a connection opened with it cannot write, whatever it runs.</summary>
    public string ConnectionString { get; } =
        new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();

    public string FilePath { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    // SQLite has one writer at a time. Queueing writers here wakes the next one the moment the last
    // commits; left to the provider, SQLITE_BUSY is retried by sleeping, which gives bursts of pushes long tails.
    private readonly SemaphoreSlim writeGate = new(1, 1);

    private static long committedWrites;

    /// <summary>
    /// How many writes this process has committed, across every <see cref="Database"/> (a CLI command run in-process
    /// has its own). Caches of read models compare it to know, without a query, that nothing here has changed since.
    /// </summary>
    public static long CommittedWrites => Volatile.Read(ref committedWrites);

    /// <summary>
    /// Waits for this process's turn to write, opens a writable connection and a transaction, runs
    /// <paramref name="work"/> and commits, unless the work called <see cref="DatabaseWrite.Discard"/> or threw.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DatabaseWrite, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new SqliteConnection(writableConnectionString);
            await connection.OpenAsync(cancellationToken);
            SqlTracing.Attach(connection);
            await using var transaction = connection.BeginTransaction();
            using var write = new DatabaseWrite(connection, transaction);
            var result = await work(write);
            if (write.Discarded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            else
            {
                await transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref committedWrites);
            }
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public Task WriteAsync(Func<DatabaseWrite, Task> work, CancellationToken cancellationToken = default) =>
        WriteAsync(async write =>
        {
            await work(write);
            return true;
        }, cancellationToken);

    /// <summary>Brings the schema up to date (its own transactions, and the WAL switch, need a connection outside one).</summary>
    public int Migrate()
    {
        writeGate.Wait();
        try
        {
            using var connection = new SqliteConnection(writableConnectionString);
            connection.Open();
            var version = SchemaMigrator.Migrate(connection);
            Interlocked.Increment(ref committedWrites);
            return version;
        }
        finally
        {
            writeGate.Release();
        }
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        SqlTracing.Attach(connection);
        return connection;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        SqlTracing.Attach(connection);
        return connection;
    }
}
