using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Backups;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using HosVessel.Web.Legacy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace HosVessel.Tests.Legacy;

/// <summary>A migrated, empty HosVessel database in a temp data folder, plus the importer pointed at it.</summary>
public sealed class ImportTarget : IDisposable
{
    private readonly TempDataDirectory data = new();

    public ImportTarget()
    {
        Database = new Database($"Data Source={data.DatabasePath};Foreign Keys=True");
        Database.Migrate();
        Importer = new LegacyImporter(Database, new VesselStore(Database, TimeProvider.System), new BackupWriter(Database, Options.Create(new BackupOptions()), TimeProvider.System), TimeProvider.System);
    }

    public Database Database { get; }

    public LegacyImporter Importer { get; }

    public string LegacyPath => Path.Combine(data.Path, "vessel.db");

    public string DataPath => data.Path;

    public SqliteConnection Open() => Database.OpenWritable();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        data.Dispose();
    }
}
