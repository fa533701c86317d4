using System.Diagnostics;
using System.Globalization;
using Dapper;
using HosVessel.Web.Accounts;
using HosVessel.Web.Backups;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages;
using HosVessel.Web.Vessels;
using Microsoft.Data.Sqlite;

namespace HosVessel.Web.Legacy;

/// <summary>
/// Copies the old app's users, vessels and voyages into our empty database in one transaction,
/// and records in <c>app_meta</c> that it ran. A dry run does the same work and rolls it back.
/// </summary>
public sealed class LegacyImporter(Database database, VesselStore vessels, BackupWriter backups, TimeProvider clock)
{
    public const string ImportedAtKey = "legacy.imported_at";
    public const string SourceKey = "legacy.source";
    public const string SummaryKey = "legacy.summary";

    public Task<LegacyImportSummary> ImportAsync(string path, bool dryRun, CancellationToken cancellationToken) =>
        ImportAsync(path, new LegacyImportOptions(dryRun), cancellationToken);

    public async Task<LegacyImportSummary> ImportAsync(string path, LegacyImportOptions options, CancellationToken cancellationToken)
    {
        // One span for the whole import, so its SQL statements group under it in the dashboard.
        using var activity = Extensions.ActivitySource.StartActivity("legacy import");
        activity?.SetTag("hosvessel.legacy.dry_run", options.DryRun);
        var started = Stopwatch.GetTimestamp();
        var data = LegacyDatabaseReader.Read(path);
        var now = clock.GetUtcNow();
        var plan = LegacyImportPlan.Create(data, Path.GetFullPath(path), now);
        var summary = plan.Summary;
        summary.DryRun = options.DryRun;

        var importedAt = now.ToString("O", CultureInfo.InvariantCulture);
        var result = await database.WriteAsync(write => ImportAsync(write, plan, options, importedAt, started, activity, cancellationToken), cancellationToken);
        vessels.RegisterChanged();
        return result;
    }

    private async Task<LegacyImportSummary> ImportAsync(
        DatabaseWrite write, LegacyImportPlan plan, LegacyImportOptions options, string importedAt, long started, Activity? activity,
        CancellationToken cancellationToken)
    {
        var summary = plan.Summary;
        var (connection, transaction) = (write.Connection, write.Transaction);
        var target = await InspectAsync(connection, transaction);
        IReadOnlyList<LegacyImportPlan.UserRow>? replacingUsers = null;
        if (target.WhyNotEmpty is { } reason)
        {
            if (!options.Replace)
            {
                throw new LegacyImportRefusedException(reason);
            }
            var (content, onlyBootstrap) = await LegacyReplacement.DescribeAsync(write);
            if (!onlyBootstrap && !options.Force)
            {
                throw new LegacyImportRefusedException(
                    $"it holds {content}, more than the first-start admin and its sessions",
                    "Check that this is the database to throw away, then add --force (it is backed up first).");
            }
            if (!options.DryRun)
            {
                try
                {
                    summary.ReplacedDatabaseBackup = await backups.WriteAsync(Path.GetDirectoryName(database.FilePath), cancellationToken);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SqliteException)
                {
                    throw new LegacyDatabaseException($"Backing up the current database failed, so nothing was changed: {exception.Message}", exception);
                }
            }
            summary.Replaced = content;
            replacingUsers = await LegacyReplacement.ClearAsync(write, vessels.In(write), plan);
        }
        try
        {
            var users = replacingUsers ?? await ReplaceBootstrapAdminAsync(write, target.BootstrapAdmin, plan);
            await InsertAsync(write, users, plan, importedAt);
        }
        catch (SqliteException exception)
        {
            throw new LegacyDatabaseException($"Writing the import failed, so nothing was imported (SQLite: {exception.Message}).", exception);
        }
        summary.Elapsed = Stopwatch.GetElapsedTime(started);
        activity?.SetTag("hosvessel.legacy.summary", summary.Counts);
        if (options.DryRun)
        {
            write.Discard();
        }
        return summary;
    }

    public static async Task<bool> WasImportedAsync(SqliteConnection connection) =>
        await AppMeta.GetAsync(connection, ImportedAtKey) is not null;

    /// <summary>
    /// Empty means: never imported, no vessels, no voyages, and no users except at most one admin with no
    /// session (the admin the bootstrap creates on a first start, not yet used). That admin is replaced.
    /// </summary>
    public static async Task<(string? WhyNotEmpty, BootstrapAdmin? BootstrapAdmin)> InspectAsync(
        SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var importedAt = await AppMeta.GetAsync(connection, ImportedAtKey, transaction);
        if (importedAt is not null)
        {
            return ($"the old app's data was already imported at {importedAt}", null);
        }
        var vessels = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM vessels", transaction: transaction);
        var voyages = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM voyages", transaction: transaction);
        if (vessels > 0 || voyages > 0)
        {
            return ($"it already holds {vessels} vessel(s) and {voyages} voyage(s)", null);
        }
        var userCount = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users", transaction: transaction);
        if (userCount == 0)
        {
            return (null, null);
        }
        if (userCount > 1)
        {
            return ($"it already has {userCount} users", null);
        }
        var user = await connection.QuerySingleAsync<BootstrapAdmin>(
            """
            SELECT id, username, role, (SELECT count(*) FROM user_sessions s WHERE s.user_id = u.id) AS sessions
            FROM users u
            """, transaction: transaction);
        return user is { Role: Roles.Admin, Sessions: 0 }
            ? (null, user)
            : ($"its user '{user.Username}' has already been used", null);
    }

    public sealed record BootstrapAdmin(long Id, string Username, string Role, long Sessions);

    // The old users take over; the first-start admin stays only when the old data has no admin at all.
    private static async Task<IReadOnlyList<LegacyImportPlan.UserRow>> ReplaceBootstrapAdminAsync(
        DatabaseWrite write, BootstrapAdmin? admin, LegacyImportPlan plan)
    {
        if (admin is null)
        {
            return plan.Users;
        }
        if (plan.HasAdmin)
        {
            await UserStore.DeleteUnusedAsync(write, admin.Id);
            return plan.Users;
        }
        var kept = new List<LegacyImportPlan.UserRow>();
        foreach (var user in plan.Users)
        {
            if (string.Equals(user.Username, admin.Username, StringComparison.OrdinalIgnoreCase))
            {
                plan.Summary.Skip("user", user.LegacyId, $"username '{user.Username}' is taken by the existing admin, kept because no old user is an admin");
                plan.Summary.UsersImported--;
                continue;
            }
            kept.Add(user);
        }
        return kept;
    }

    // Each table through its owner, all in this one write.
    private async Task InsertAsync(DatabaseWrite write, IReadOnlyList<LegacyImportPlan.UserRow> users, LegacyImportPlan plan, string createdAt)
    {
        await UserStore.InsertImportedAsync(write, users.Select(u => (u.Username, u.PasswordHash, u.Role)), createdAt);
        await vessels.In(write).InsertRowsAsync(plan.Vessels);
        await VoyageWrites.InsertImportedAsync(write, plan.Voyages.Select(v => (v.Id, v.VesselKey, v.VesselName, v.UpdatedAt, v.Fields)));
        await AppMeta.SetAsync(write, ImportedAtKey, createdAt);
        await AppMeta.SetAsync(write, SourceKey, plan.Summary.Source);
        await AppMeta.SetAsync(write, SummaryKey, plan.Summary.Counts);
    }
}
/// <summary>What the import may do to a database that is not empty.</summary>
/// <param name="Replace">Back the current database up beside it, clear it, and import (only the first-start admin may be there).</param>
/// <param name="Force">With <paramref name="Replace"/>: replace whatever the database holds.</param>
public sealed record LegacyImportOptions(bool DryRun, bool Replace = false, bool Force = false);

/// <summary>Our database already holds data, so an import would mix two fleets; the message says what is there and what to do.</summary>
public sealed class LegacyImportRefusedException(string reason, string? advice = null)
    : Exception($"The database is not empty: {reason}. " + (advice ??
        $"To replace it with the old app's data (it is backed up first), stop the app and run {DeploymentContract.ImportLegacyCommand} --replace <vessel.db>."))
{
    public string Reason { get; } = reason;
}
