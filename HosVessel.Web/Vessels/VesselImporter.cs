
namespace HosVessel.Web.Vessels;

/// <summary>
/// Upserts vessels by IMO from a JSON array or the list page's CSV, for both <c>import-vessels</c> and <c>/vessel/import</c>.
/// A matched vessel is merged: only the keys the file has are compared and written, so a file without a column
/// never blanks it. One transaction: a single bad row rejects the whole file unless invalid rows are to be skipped.
/// </summary>
public sealed class VesselImporter(VesselStore store)
{
    public const long MaxBytes = VesselImportReader.MaxBytes;

    /// <summary>Imports <paramref name="input"/> within <paramref name="limits"/> (a browser upload's, or none for the command).</summary>
    public async Task<ImportSummary> ImportAsync(Stream input, bool skipInvalid, string source, ImportLimits limits, CancellationToken cancellationToken = default)
    {
        var summary = await RunAsync(input, skipInvalid, limits, cancellationToken);
        var result = summary.Error is not null ? "failed" : summary.Applied ? "applied" : "rejected";
        VesselMetrics.Imports.Add(1, new("result", result), new("source", source));
        if (summary.Applied)
        {
            store.RegisterChanged();
            VesselMetrics.ImportedRows.Add(summary.Added + summary.Updated);
        }
        return summary;
    }

    /// <summary>Imports a browser upload: at most <see cref="MaxBytes"/> and <see cref="VesselImportReader.MaxRows"/> rows.</summary>
    public Task<ImportSummary> ImportAsync(Stream input, bool skipInvalid, string source, CancellationToken cancellationToken = default) =>
        ImportAsync(input, skipInvalid, source, ImportLimits.Upload, cancellationToken);

    // Rows are applied as they are read, inside the one write: a file problem found part-way throws out of it,
    // which rolls back the rows before it.
    private async Task<ImportSummary> RunAsync(Stream input, bool skipInvalid, ImportLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            IAsyncEnumerable<ImportRow> rows;
            if (limits.MaxBytes is { } maxBytes)
            {
                // An upload is small by its limits: read it whole first (the CSV reader may read synchronously, which a
                // request body refuses), so an unreadable file is refused before the write gate is taken.
                using var buffered = await BufferAsync(input, maxBytes, cancellationToken);
                rows = (await VesselImportReader.ReadAsync(buffered, limits, cancellationToken).ToListAsync(cancellationToken)).ToAsyncEnumerable();
            }
            else
            {
                rows = VesselImportReader.ReadAsync(input, limits, cancellationToken);
            }
            return await store.WriteAsync(vessels => ApplyAsync(vessels, rows, skipInvalid, cancellationToken), cancellationToken);
        }
        catch (ImportFormatException exception)
        {
            return ImportSummary.Failed(exception.Message);
        }
    }

    // One byte past the limit is enough for the reader to name the file as too large.
    private static async Task<MemoryStream> BufferAsync(Stream input, long maxBytes, CancellationToken cancellationToken)
    {
        var buffered = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffered.Length <= maxBytes && (read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffered.Write(chunk, 0, read);
        }
        buffered.Position = 0;
        return buffered;
    }

    private static async Task<ImportSummary> ApplyAsync(VesselWrites vessels, IAsyncEnumerable<ImportRow> rows, bool skipInvalid, CancellationToken cancellationToken)
    {
        var summary = new ImportSummary();
        var seenImos = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in rows)
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
                summary.Rejected.Add(new ImportRejection(row.Number, label, $"IMO 번호 {KoreanText.AsSubject(cleaned.ImoNo!)} 파일 안에 이미 나왔습니다. 한 선박은 한 행에만 적어 주세요."));
                continue;
            }
            var existing = cleaned.ImoNo is null ? null : await vessels.FindByImoAsync(cleaned.ImoNo);
            var merged = existing is null ? cleaned : Merge(existing.ToFields(), cleaned, row.Present);
            var errors = await vessels.ValidateAsync(merged, existing?.Id);
            // Stored values the file does not touch are not the file's problem (old rows may predate a rule).
            var relevant = existing is null ? errors : errors.Where(e => row.Present.Contains(e.Key)).ToDictionary();
            if (relevant.Count > 0)
            {
                summary.Rejected.Add(new ImportRejection(row.Number, label, string.Join("\n", relevant.Select(e => $"{e.Key}: {e.Value}"))));
                continue;
            }
            foreach (var (key, warning) in VesselValidator.Warnings(merged))
            {
                summary.Warnings.Add(new ImportRejection(row.Number, label, $"{key}: {warning}"));
            }
            if (existing is null)
            {
                await vessels.InsertAsync(merged);
                summary.Added++;
                continue;
            }
            var changed = ChangedFields(existing.ToFields(), merged);
            if (changed.Count == 0)
            {
                summary.Unchanged++;
                continue;
            }
            await vessels.UpdateAsync(existing.Id, merged);
            summary.Changes.Add(new ImportChange(row.Number, merged.Name ?? existing.Name ?? "", changed));
        }
        if (summary.Rejected.Count > 0 && !skipInvalid)
        {
            vessels.Discard();
            return summary;
        }
        summary.Applied = true;
        return summary;
    }

    // The stored vessel with the file's values for the keys the file has; every other field stays exactly as stored.
    private static VesselFields Merge(VesselFields stored, VesselFields cleaned, IReadOnlySet<string> present)
    {
        foreach (var field in VesselFieldTable.All.Where(f => present.Contains(f.Key)))
        {
            field.Set(stored, field.Get(cleaned));
        }
        return stored;
    }

    private static List<string> ChangedFields(VesselFields stored, VesselFields merged) =>
        [.. VesselFieldTable.All.Where(f => !string.Equals(f.Get(stored), f.Get(merged), StringComparison.Ordinal)).Select(f => f.Key)];
}

/// <summary>What an import did: counts, each changed vessel with its fields, each rejected row with its reason, or the file-level error.</summary>
public sealed class ImportSummary
{
    public int Added { get; set; }

    /// <summary>Matched vessels whose stored values differ from the file's: see <see cref="Changes"/>.</summary>
    public int Updated => Changes.Count;

    /// <summary>Matched vessels the file already agrees with: nothing written.</summary>
    public int Unchanged { get; set; }

    public List<ImportChange> Changes { get; } = [];

    public List<ImportRejection> Rejected { get; } = [];

    /// <summary>Accepted rows with a value worth a second look (an unfamiliar class society, for example).</summary>
    public List<ImportRejection> Warnings { get; } = [];

    /// <summary>True when the changes were committed.</summary>
    public bool Applied { get; set; }

    /// <summary>Why the file could not be read at all (nothing changed).</summary>
    public string? Error { get; init; }

    public bool Succeeded => Error is null && Applied && Rejected.Count == 0;

    public static ImportSummary Failed(string error) => new() { Error = error };
}

/// <summary>A row that was not imported (or was, with a warning): its number (JSON: position from 1; CSV: line in the file), name or IMO, and why.</summary>
public sealed record ImportRejection(int Row, string? Vessel, string Reason);

/// <summary>A matched vessel the import changed, and the keys of the fields that changed.</summary>
public sealed record ImportChange(int Row, string Vessel, IReadOnlyList<string> Fields);
