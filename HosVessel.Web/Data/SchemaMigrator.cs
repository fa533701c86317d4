using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Data;

/// <summary>
/// Applies the numbered SQL files under <c>Data/Migrations</c> that the database has not seen yet,
/// each in its own transaction, and records the version in SQLite's <c>user_version</c>.
/// </summary>
public static class SchemaMigrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = LoadMigrations();

    public static int LatestVersion => All[^1].Version;

    public static int Migrate(SqliteConnection connection)
    {
        // WAL lets readers go on while the feed writes; it is a property of the file, set once.
        connection.Execute("PRAGMA journal_mode = WAL;");
        var current = connection.ExecuteScalar<int>("PRAGMA user_version;");
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database schema is version {current}, newer than this app knows ({LatestVersion}). " +
                "Run a newer HosVessel or restore a backup made by this version.");
        }
        foreach (var migration in All.Where(m => m.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(migration.Sql, transaction: transaction);
            connection.Execute($"PRAGMA user_version = {migration.Version};", transaction: transaction);
            transaction.Commit();
        }
        return LatestVersion;
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "HosVessel.Web.Data.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(name =>
            {
                var fileName = name[prefix.Length..];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new Migration(int.Parse(fileName[..4]), fileName, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }
}
