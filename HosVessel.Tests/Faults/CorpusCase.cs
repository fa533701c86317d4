using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HosVessel.Tests.Faults;

/// <summary>
/// One malformed or hostile input from <c>Corpus/&lt;kind&gt;/cases.tsv</c> (file, expected status,
/// content type, a regex the error text must match), or one generated at test time because it is too big to commit.
/// </summary>
public sealed record CorpusCase(string Name, int ExpectedStatus, string? ContentType, string MessagePattern, Func<byte[]> Body)
{
    public const string GeneratedPrefix = "generated:";

    public static string Folder(string kind) => Path.Combine(AppContext.BaseDirectory, "Corpus", kind);

    public string FilePath(string kind) => Path.Combine(Folder(kind), Name);

    public static IReadOnlyList<CorpusCase> Load(string kind, IEnumerable<CorpusCase> generated) =>
    [
        .. File.ReadLines(Path.Combine(Folder(kind), "cases.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => new CorpusCase(
                fields[0], int.Parse(fields[1]), fields[2] == "-" ? null : fields[2], fields[3],
                () => File.ReadAllBytes(Path.Combine(Folder(kind), fields[0])))),
        .. generated,
    ];

    public HttpContent CreateContent(bool chunked = false)
    {
        HttpContent content = chunked ? new ChunkedContent(Body()) : new ByteArrayContent(Body());
        if (ContentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        }
        return content;
    }

    /// <summary>Every string and property name in a JSON error body, so Korean text is matched unescaped.</summary>
    public static string ErrorText(string body)
    {
        using var document = JsonDocument.Parse(body);
        var text = new StringBuilder();
        Collect(document.RootElement, text);
        return text.ToString();
    }

    public void AssertMessageNamesTheProblem(string text) =>
        Assert.True(Regex.IsMatch(text, MessagePattern, RegexOptions.IgnoreCase),
            $"{Name}: the error should match /{MessagePattern}/ but was: {Shorten(text)}");

    public static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    private static void Collect(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    text.Append(property.Name).Append(": ");
                    Collect(property.Value, text);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, text);
                }
                break;
            default:
                text.Append(element.ToString()).Append(" | ");
                break;
        }
    }

    /// <summary>A body sent with chunked transfer encoding, so the server cannot refuse it by its Content-Length.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
