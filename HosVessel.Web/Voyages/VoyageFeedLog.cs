using Dapper;
using HosVessel.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace HosVessel.Web.Voyages;

/// <summary>The record of every push and clear, accepted or not, so an admin can see what n8n did without server logs.</summary>
public sealed class VoyageFeedLog(Database database)
{
    public Task AddAsync(VoyageFeedEntry entry, CancellationToken cancellationToken = default) =>
        database.WriteAsync(write => AddAsync(write, entry), cancellationToken);

    /// <summary>The row inside another write: an accepted push logs itself in its own transaction (one commit, not two).</summary>
    internal static Task AddAsync(DatabaseWrite write, VoyageFeedEntry entry) => AddAsync(write, [entry]);

    /// <summary>The rows of a group of pushes, in order: one statement, prepared once and run per row.</summary>
    internal static Task AddAsync(DatabaseWrite write, IReadOnlyList<VoyageFeedEntry> entries) => entries.Count == 0
        ? Task.CompletedTask
        : write.Connection.ExecuteAsync("""
            INSERT INTO voyage_feed_log (action, received_at, client_ip, status_code, received, linked, unlinked, duration_ms, first_error)
            VALUES (@Action, @ReceivedAt, @ClientIp, @StatusCode, @Received, @Linked, @Unlinked, @DurationMs, @FirstError)
            """, entries, write.Transaction);

    /// <summary>A page of the log, newest first.</summary>
    public async Task<PaginatedList<VoyageFeedEntry>> SearchAsync(FeedLogQuery query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await PaginatedList<VoyageFeedEntry>.CreateAsync(query.Page, FeedLogQuery.PageSize,
            () => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM voyage_feed_log"),
            async (limit, offset) => [.. await connection.QueryAsync<VoyageFeedEntry>("""
                SELECT id AS Id, action AS Action, received_at AS ReceivedAt, client_ip AS ClientIp, status_code AS StatusCode,
                       received AS Received, linked AS Linked, unlinked AS Unlinked, duration_ms AS DurationMs,
                       first_error AS FirstError
                FROM voyage_feed_log ORDER BY id DESC LIMIT @limit OFFSET @offset
                """, new { limit, offset })]);
    }
}

/// <summary>The feed log page's page, bound from <c>?page=</c>.</summary>
public sealed record FeedLogQuery([FromQuery(Name = ListQuery.PageKey)] int Page = 1)
{
    public const int PageSize = 100;
}
