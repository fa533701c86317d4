using System.Diagnostics;
using System.Globalization;
using HosVessel.Web.ApiKeys;
using Microsoft.Extensions.Hosting;

namespace HosVessel.Web.Voyages;

/// <summary>Counts the push handler fills in, read back by <see cref="VoyagePushLogFilter"/> once it answers.</summary>
public sealed class VoyagePushOutcome
{
    public int Received { get; set; }
    public int Linked { get; set; }
    public int Unlinked { get; set; }

    public static VoyagePushOutcome For(HttpContext http)
    {
        if (http.Items[typeof(VoyagePushOutcome)] is not VoyagePushOutcome outcome)
        {
            outcome = new VoyagePushOutcome();
            http.Items[typeof(VoyagePushOutcome)] = outcome;
        }
        return outcome;
    }
}

/// <summary>
/// Wraps every push, including those refused for the key, content type or size: a span, metrics
/// and one feed-log row. The key itself is never recorded.
/// </summary>
public sealed class VoyagePushLogFilter(VoyageFeedLog feedLog, TimeProvider clock, ILogger<VoyagePushLogFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return await next(context);
        }
        using var activity = Extensions.ActivitySource.StartActivity("voyage push");
        var receivedAt = clock.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var outcome = VoyagePushOutcome.For(http);
        object? result = null;
        try
        {
            result = await next(context);
            return result;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            // Results<A, B> wraps the answer; the status and error are on the inner result.
            while (result is INestedHttpResult nested)
            {
                result = nested.Result;
            }
            var statusCode = result is null ? StatusCodes.Status500InternalServerError
                : (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
            var firstError = result is null ? "server error"
                : (result as IValueHttpResult)?.Value is ApiError error ? Describe(error) : null;
            activity?.SetTag("voyage.received", outcome.Received);
            activity?.SetTag("voyage.linked", outcome.Linked);
            activity?.SetTag("voyage.unlinked", outcome.Unlinked);
            activity?.SetTag("http.response.status_code", statusCode);
            if (statusCode >= 400)
            {
                activity?.SetStatus(ActivityStatusCode.Error, firstError);
            }
            var resultTag = new KeyValuePair<string, object?>("result", statusCode.ToString(CultureInfo.InvariantCulture));
            VoyageTelemetry.Pushes.Add(1, resultTag);
            VoyageTelemetry.Items.Add(outcome.Received, resultTag);
            VoyageTelemetry.PushDuration.Record(elapsed.TotalSeconds, resultTag);
            await WriteLogAsync(new VoyageFeedEntry
            {
                ReceivedAt = receivedAt.ToString("O", CultureInfo.InvariantCulture),
                ClientIp = http.Connection.RemoteIpAddress?.ToString(),
                StatusCode = statusCode,
                Received = outcome.Received,
                Linked = outcome.Linked,
                Unlinked = outcome.Unlinked,
                DurationMs = elapsed.TotalMilliseconds,
                FirstError = firstError,
            });
        }
    }

    private static string Describe(ApiError error) =>
        error.Details is [var first, ..] ? $"{error.Error}: {first}" : error.Error;

    // A failing log write must not turn an accepted push into an error for n8n.
    private async Task WriteLogAsync(VoyageFeedEntry entry)
    {
        try
        {
            await feedLog.AddAsync(entry, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not record a voyage push in the feed log");
        }
    }
}
