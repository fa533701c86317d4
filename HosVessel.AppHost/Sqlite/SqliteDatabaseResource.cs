namespace HosVessel.AppHost.Sqlite;

/// <summary>
/// A SQLite database file. There is no server to start: the resource only tells its consumers
/// where the file is, through the connection string <c>Data Source=&lt;path&gt;</c>.
/// </summary>
public sealed class SqliteDatabaseResource(string name, string databasePath)
    : Resource(name), IResourceWithConnectionString
{
    public string DatabasePath { get; } = databasePath;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Data Source={DatabasePath}");
}
