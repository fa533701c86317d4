using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Voyages;

/// <summary>The record of every push and clear, accepted or not, so an admin can see what n8n did without server logs.</summary>
public sealed class VoyageFeedLog(Database database)
{
    public const int ShownEntries = 100;

    public async Task AddAsync(VoyageFeedEntry entry, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(write => write.Connection.ExecuteAsync("""
            INSERT INTO voyage_feed_log (action, received_at, client_ip, status_code, received, linked, unlinked, duration_ms, first_error)
            VALUES (@Action, @ReceivedAt, @ClientIp, @StatusCode, @Received, @Linked, @Unlinked, @DurationMs, @FirstError)
            """, entry, write.Transaction), cancellationToken);
    }

    public async Task<IReadOnlyList<VoyageFeedEntry>> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<VoyageFeedEntry>("""
            SELECT id AS Id, action AS Action, received_at AS ReceivedAt, client_ip AS ClientIp, status_code AS StatusCode,
                   received AS Received, linked AS Linked, unlinked AS Unlinked, duration_ms AS DurationMs,
                   first_error AS FirstError
            FROM voyage_feed_log ORDER BY id DESC LIMIT @limit
            """, new { limit = ShownEntries })];
    }
}
