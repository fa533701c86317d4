using HosVessel.Web.Data;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Infrastructure;

/// <summary>
/// The app only writes through <see cref="Database.WriteAsync{T}"/>; tests that must plant rows no feature writes
/// (legacy shapes, other users' sessions) open the file directly, as an operator with sqlite3 would.
/// </summary>
public static class DatabaseFile
{
    public static SqliteConnection OpenWritable(this Database database)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = database.FilePath, ForeignKeys = true, DefaultTimeout = 30, Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static Task<SqliteConnection> OpenWritableAsync(this Database database) => Task.FromResult(database.OpenWritable());
}
