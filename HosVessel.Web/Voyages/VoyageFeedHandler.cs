using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using HosVessel.Web.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Hosting;

namespace HosVessel.Web.Voyages;

/// <summary>
/// What one call to the feed came to. The answer to n8n and the feed-log row are both made from it, so the
/// log says exactly what the caller was told. <typeparamref name="TResponse"/> is the body of a success.
/// </summary>
public sealed record VoyageFeedOutcome<TResponse>(
    int StatusCode, TResponse? Response, ApiError? Error, int Received = 0, int Linked = 0, int Unlinked = 0)
    where TResponse : class
{
    public static VoyageFeedOutcome<TResponse> Refused(int statusCode, string message, IReadOnlyList<string>? details = null, int received = 0) =>
        new(statusCode, null, new ApiError(message, details is { Count: > 0 } ? details : null), received);

    public string? FirstError => Error is null ? null
        : Error.Details is [var first, ..] ? $"{Error.Error}: {first}" : Error.Error;

    public Results<Ok<TResponse>, JsonHttpResult<ApiError>> ToResult() =>
        Response is not null ? TypedResults.Ok(Response) : TypedResults.Json(Error, statusCode: StatusCode);
}

/// <summary>
/// The n8n feed's two calls, push and clear, each from the API key check to its feed-log row. The key is
/// checked here rather than by an endpoint filter so that refused calls are logged like the rest; the key
/// itself is never recorded.
/// </summary>
public sealed class VoyageFeedHandler(VoyageStore store, VoyageFeedLog feedLog, TimeProvider clock, ILogger<VoyageFeedHandler> logger)
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public async Task<VoyageFeedOutcome<VoyagePushResponse>> PushAsync(HttpContext http, CancellationToken cancellationToken)
    {
        using var activity = Extensions.ActivitySource.StartActivity("voyage push");
        var call = Start(http, VoyageFeedEntry.PushAction);
        VoyageFeedOutcome<VoyagePushResponse> outcome;
        try
        {
            outcome = await HandlePushAsync(http, call, cancellationToken);
        }
        catch
        {
            await call.FinishAsync(StatusCodes.Status500InternalServerError, "server error", 0, 0, 0, activity);
            throw;
        }
        await call.FinishAsync(outcome.StatusCode, outcome.FirstError, outcome.Received, outcome.Linked, outcome.Unlinked, activity);
        return outcome;
    }

    public async Task<VoyageFeedOutcome<VoyageClearResponse>> ClearAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var call = Start(http, VoyageFeedEntry.ClearAction);
        VoyageFeedOutcome<VoyageClearResponse> outcome;
        try
        {
            outcome = ApiKeyExtensions.Refusal(http) is { } refusal
                ? VoyageFeedOutcome<VoyageClearResponse>.Refused(refusal.StatusCode, refusal.Error.Error)
                : new(StatusCodes.Status200OK, new VoyageClearResponse("cleared", await store.ClearAsync(cancellationToken)), null);
        }
        catch
        {
            await call.FinishAsync(StatusCodes.Status500InternalServerError, "server error", 0, 0, 0, activity: null);
            throw;
        }
        await call.FinishAsync(outcome.StatusCode, outcome.FirstError, 0, 0, 0, activity: null);
        return outcome;
    }

    private async Task<VoyageFeedOutcome<VoyagePushResponse>> HandlePushAsync(HttpContext http, Call call, CancellationToken cancellationToken)
    {
        if (ApiKeyExtensions.Refusal(http) is { } refusal)
        {
            return VoyageFeedOutcome<VoyagePushResponse>.Refused(refusal.StatusCode, refusal.Error.Error);
        }
        // The body is read here rather than bound as a parameter so the key check runs before any parsing.
        if (!http.Request.HasJsonContentType())
        {
            return VoyageFeedOutcome<VoyagePushResponse>.Refused(StatusCodes.Status415UnsupportedMediaType,
                "Content-Type must be application/json", [$"got {http.Request.ContentType ?? "no Content-Type"}"]);
        }
        VoyageFeedProblem? problem;
        VoyageFeed feed;
        using (var body = await ReadLimitedAsync(http.Request, cancellationToken))
        {
            if (body is null)
            {
                return VoyageFeedOutcome<VoyagePushResponse>.Refused(StatusCodes.Status413PayloadTooLarge,
                    $"The body is larger than {MaxBodyBytes / 1024 / 1024} MB");
            }
            // The feed holds strings of its own, so the buffer can go back as soon as it is parsed.
            problem = VoyageFeedParser.TryParse(body.Content, out feed);
        }
        if (problem is not null)
        {
            return VoyageFeedOutcome<VoyagePushResponse>.Refused(StatusCodes.Status400BadRequest, problem.Message, problem.Details, feed.Received);
        }
        if (feed.Received == 0)
        {
            var stored = await store.CountAsync(cancellationToken);
            return VoyageFeedOutcome<VoyagePushResponse>.Refused(StatusCodes.Status400BadRequest,
                $"An empty push would erase {stored} voyages, so nothing was changed. To clear them, send DELETE /api/voyage.");
        }
        var result = await store.ReplaceAllAsync(feed.Voyages,
            pushed => call.Entry(StatusCodes.Status200OK, null, feed.Received, pushed.Linked.Count, pushed.Unlinked.Count), cancellationToken);
        // Committed with the push; had the write failed, the 500 below would be logged on its own.
        call.Logged = true;
        if (result.Unlinked.Count > 0)
        {
            logger.LogWarning("Voyage push: {Count} vessels are not in the register: {UnlinkedNames}",
                result.Unlinked.Count, string.Join(", ", result.Unlinked));
        }
        return new(StatusCodes.Status200OK,
            new VoyagePushResponse("ok", feed.Received, result.Linked.Count, result.Unlinked, feed.Duplicates), null,
            feed.Received, result.Linked.Count, result.Unlinked.Count);
    }

    private Call Start(HttpContext http, string action) =>
        new(this, action, clock.GetUtcNow(), Stopwatch.GetTimestamp(), http.Connection.RemoteIpAddress?.ToString());

    /// <summary>One call in progress: when it came and from where, finished into telemetry and a feed-log row.</summary>
    private sealed record Call(VoyageFeedHandler Handler, string Action, DateTimeOffset ReceivedAt, long Started, string? ClientIp)
    {
        /// <summary>True once the call's row was written with the push itself.</summary>
        public bool Logged { get; set; }

        public VoyageFeedEntry Entry(int statusCode, string? firstError, int received, int linked, int unlinked) => new()
        {
            Action = Action,
            ReceivedAt = ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
            ClientIp = ClientIp,
            StatusCode = statusCode,
            Received = received,
            Linked = linked,
            Unlinked = unlinked,
            DurationMs = Stopwatch.GetElapsedTime(Started).TotalMilliseconds,
            FirstError = firstError,
        };

        public async Task FinishAsync(int statusCode, string? firstError, int received, int linked, int unlinked, Activity? activity)
        {
            var elapsed = Stopwatch.GetElapsedTime(Started);
            if (Action == VoyageFeedEntry.PushAction)
            {
                activity?.SetTag("voyage.received", received);
                activity?.SetTag("voyage.linked", linked);
                activity?.SetTag("voyage.unlinked", unlinked);
                activity?.SetTag("http.response.status_code", statusCode);
                if (statusCode >= 400)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, firstError);
                }
                var resultTag = new KeyValuePair<string, object?>("result", statusCode.ToString(CultureInfo.InvariantCulture));
                VoyageTelemetry.Pushes.Add(1, resultTag);
                VoyageTelemetry.Items.Add(received, resultTag);
                VoyageTelemetry.PushDuration.Record(elapsed.TotalSeconds, resultTag);
            }
            if (!Logged)
            {
                await Handler.WriteLogAsync(Entry(statusCode, firstError, received, linked, unlinked));
            }
        }
    }

    // A failing log write must not turn an accepted push into an error for n8n.
    private async Task WriteLogAsync(VoyageFeedEntry entry)
    {
        try
        {
            await feedLog.AddAsync(entry, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not record a voyage feed call in the feed log");
        }
    }

    // Counting while reading also catches chunked bodies that announce no Content-Length. The buffer is pooled and sized
    // from Content-Length: two fresh buffers per push (a 64 KB chunk and a stream) were most of its garbage.
    private static async Task<PooledBody?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        // One byte more than announced, so the read that finds the end needs no bigger buffer.
        var body = new PooledBody((int)(request.ContentLength ?? 64 * 1024) + 1);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(body.FreeSpace(), cancellationToken)) > 0)
            {
                body.Length += read;
                if (body.Length > MaxBodyBytes)
                {
                    body.Dispose();
                    return null;
                }
            }
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>A request body read into a rented array, given back when disposed.</summary>
    private sealed class PooledBody(int capacity) : IDisposable
    {
        private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);

        public int Length { get; set; }

        public ReadOnlyMemory<byte> Content => buffer.AsMemory(0, Length);

        public Memory<byte> FreeSpace()
        {
            if (Length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, Length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            return buffer.AsMemory(Length);
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            Length = 0;
        }
    }
}
