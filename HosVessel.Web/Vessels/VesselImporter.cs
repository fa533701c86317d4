using System.Text;
using System.Text.Json;
using Dapper;
using HosVessel.Web.Data;

namespace HosVessel.Web.Vessels;

/// <summary>
/// Upserts vessels by IMO from a JSON array or the list page's CSV, for both <c>import-vessels</c> and <c>/vessel/import</c>.
/// One transaction: a single bad row rejects the whole file unless invalid rows are to be skipped.
/// </summary>
public sealed class VesselImporter(Database database, VesselStore store)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 50_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ImportSummary> ImportAsync(Stream input, bool skipInvalid, string source, CancellationToken cancellationToken = default)
    {
        var summary = await RunAsync(input, skipInvalid, cancellationToken);
        var result = summary.Error is not null ? "failed" : summary.Applied ? "applied" : "rejected";
        VesselMetrics.Imports.Add(1, new("result", result), new("source", source));
        if (summary.Applied)
        {
            store.RegisterChanged();
            VesselMetrics.ImportedRows.Add(summary.Added + summary.Updated);
        }
        return summary;
    }

    private async Task<ImportSummary> RunAsync(Stream input, bool skipInvalid, CancellationToken cancellationToken)
    {
        List<ImportRow> rows;
        try
        {
            rows = Read(await ReadTextAsync(input, cancellationToken));
        }
        catch (ImportFormatException exception)
        {
            return ImportSummary.Failed(exception.Message);
        }

        var summary = new ImportSummary();
        await using var connection = await database.OpenAsync(cancellationToken);
        using var transaction = connection.BeginTransaction();
        var seenImos = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var label = row.Fields.Name ?? row.Fields.ImoNo;
            if (row.Problem is not null)
            {
                summary.Rejected.Add(new ImportRejection(row.Number, label, row.Problem));
                continue;
            }
            var cleaned = row.Fields.Cleaned();
            if (cleaned.ImoNo is not null && !seenImos.Add(cleaned.ImoNo))
            {
                summary.Rejected.Add(new ImportRejection(row.Number, label, "파일 안에 같은 IMO 번호가 이미 나왔습니다."));
                continue;
            }
            var existingId = cleaned.ImoNo is null ? null : await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM vessels WHERE imo_no = @imo", new { imo = cleaned.ImoNo }, transaction);
            var errors = await VesselStore.ValidateAsync(connection, transaction, cleaned, existingId);
            if (errors.Count > 0)
            {
                var reason = string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}"));
                summary.Rejected.Add(new ImportRejection(row.Number, label, reason));
                continue;
            }
            if (existingId is { } id)
            {
                await store.UpdateRowAsync(connection, transaction, id, cleaned);
                summary.Updated++;
            }
            else
            {
                await store.InsertAsync(connection, transaction, cleaned);
                summary.Added++;
            }
        }
        if (summary.Rejected.Count > 0 && !skipInvalid)
        {
            transaction.Rollback();
            return summary;
        }
        transaction.Commit();
        summary.Applied = true;
        return summary;
    }

    private static async Task<string> ReadTextAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new ImportFormatException($"파일이 너무 큽니다. {MaxBytes / 1024 / 1024}MB 이하만 가져올 수 있습니다.");
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ImportFormatException("UTF-8 텍스트 파일이 아닙니다. JSON 배열이나 선박 목록 CSV를 올려 주세요.");
        }
    }

    private static List<ImportRow> Read(string text)
    {
        var start = text.TrimStart();
        if (start.Length == 0)
        {
            throw new ImportFormatException("파일이 비어 있습니다.");
        }
        var rows = start[0] switch
        {
            '[' => ReadJson(start),
            '{' => throw new ImportFormatException("JSON 최상위는 선박 객체의 배열([ ... ])이어야 합니다."),
            _ => ReadCsv(text),
        };
        if (rows.Count > MaxRows)
        {
            throw new ImportFormatException($"행이 너무 많습니다 ({rows.Count}행). 한 번에 {MaxRows}행까지 가져올 수 있습니다.");
        }
        return rows;
    }

    private static List<ImportRow> ReadJson(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException exception)
        {
            throw new ImportFormatException($"JSON 형식이 잘못되었습니다 ({exception.LineNumber + 1}행 부근).");
        }
        using (document)
        {
            var rows = new List<ImportRow>();
            var number = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                number++;
                rows.Add(element.ValueKind == JsonValueKind.Object
                    ? ReadJsonObject(number, element)
                    : new ImportRow(number, new VesselFields(), "선박 항목은 JSON 객체여야 합니다."));
            }
            return rows;
        }
    }

    private static ImportRow ReadJsonObject(int number, JsonElement element)
    {
        var fields = new VesselFields();
        string? problem = null;
        foreach (var property in element.EnumerateObject())
        {
            if (VesselField.Find(property.Name) is not { } field)
            {
                continue;
            }
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    field.Set(fields, value.GetString());
                    break;
                case JsonValueKind.Null:
                    break;
                // IMO numbers and years often arrive as JSON numbers.
                case JsonValueKind.Number when field.Key is "imo_no" or "built_year":
                    field.Set(fields, value.GetRawText());
                    break;
                default:
                    problem ??= $"{field.Key}: 값은 문자열이어야 합니다 (받은 형식: {value.ValueKind}).";
                    break;
            }
        }
        return new ImportRow(number, fields, problem);
    }

    private static List<ImportRow> ReadCsv(string text)
    {
        List<(int Line, List<string> Cells)> records;
        try
        {
            records = VesselCsv.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new ImportFormatException($"CSV 형식이 잘못되었습니다: {exception.Message}");
        }
        var header = records[0].Cells.Select(h => VesselField.Find(h.Trim())).ToList();
        if (!header.Any(f => f?.Key == "imo_no") || !header.Any(f => f?.Key == "name"))
        {
            throw new ImportFormatException(
                "JSON 배열도, 선박 목록 CSV도 아닙니다. CSV 첫 줄에는 name, imo_no 등의 열 이름이 있어야 합니다.");
        }
        return records.Skip(1).Select(record =>
        {
            var fields = new VesselFields();
            for (var i = 0; i < header.Count && i < record.Cells.Count; i++)
            {
                header[i]?.Set(fields, record.Cells[i]);
            }
            var problem = record.Cells.Count > header.Count ? $"열이 {record.Cells.Count}개로 머리글({header.Count}개)보다 많습니다." : null;
            return new ImportRow(record.Line, fields, problem);
        }).ToList();
    }

    private sealed record ImportRow(int Number, VesselFields Fields, string? Problem);

    private sealed class ImportFormatException(string message) : Exception(message);
}

/// <summary>What an import did: counts, each rejected row with its reason, or the file-level error.</summary>
public sealed class ImportSummary
{
    public int Added { get; set; }
    public int Updated { get; set; }
    public List<ImportRejection> Rejected { get; } = [];

    /// <summary>True when the changes were committed.</summary>
    public bool Applied { get; set; }

    /// <summary>Why the file could not be read at all (nothing changed).</summary>
    public string? Error { get; init; }

    public bool Succeeded => Error is null && Applied && Rejected.Count == 0;

    public static ImportSummary Failed(string error) => new() { Error = error };
}

/// <summary>A row that was not imported: its number (JSON: position from 1; CSV: line in the file), name or IMO, and why.</summary>
public sealed record ImportRejection(int Row, string? Vessel, string Reason);
