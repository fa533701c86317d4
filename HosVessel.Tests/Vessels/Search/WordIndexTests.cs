using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Vessels.Search;

/// <summary>
/// A one-word search in name order reads the word index (0007_vessel_words.sql). It must find what the other paths
/// find (the CSV download still reads through them): a word as itself, inside a longer word, in a <c>H/</c> name,
/// in the call sign, in any case; the same ships in the same order; and it follows every edit.
/// </summary>
public sealed class WordIndexTests(HosVesselFactory app) : IClassFixture<HosVesselFactory>
{
    private VesselStore Store => app.Services.GetRequiredService<VesselStore>();

    [Fact]
    public async Task A_word_search_pages_the_same_ships_in_the_same_order_as_the_other_paths()
    {
        var word = "Q" + VesselSamples.NewShipCode();
        // Out of insertion order, in several shapes: whole word, inside a word, after H/, in the call sign; and near misses.
        for (var i = 0; i < 24; i++)
        {
            await CreateAsync($"{word} STAR {i * 7 % 24:D2}");
        }
        for (var i = 0; i < 12; i++)
        {
            await CreateAsync($"BLUE{word}IA {i * 5 % 12:D2}");
            await CreateAsync($"H/{word.ToLowerInvariant()} {i:D2}");
        }
        for (var i = 0; i < 6; i++)
        {
            await CreateAsync($"ALPHA {word[..^1]} {i:D2}");
            await CreateAsync($"ALPHA CALL {VesselSamples.NewShipCode()}", callsign: $"{word}{i}");
        }
        var typed = word.ToLowerInvariant();
        Assert.NotNull(new VesselQuery(Name: typed).WordIndexKeys());

        foreach (var descending in new[] { false, true })
        {
            var dir = descending ? "desc" : null;
            // The CSV's read: the trigram index, then sorted (0005's path).
            var expected = (await Store.ListAllAsync(new VesselQuery(Name: typed, Dir: dir))).Select(v => v.Name).ToList();
            Assert.Equal(54, expected.Count);
            for (var page = 1; page <= 3; page++)
            {
                var list = await Store.SearchAsync(new VesselQuery(Name: typed, Dir: dir, Page: page));
                Assert.Equal(54, list.TotalCount);
                Assert.False(list.TotalCountCapped);
                Assert.Equal(expected.Skip((page - 1) * 20).Take(20), list.Items.Select(v => v.Name));
            }
        }
        Assert.Empty((await Store.SearchAsync(new VesselQuery(Name: word + "ZZ"))).Items);
    }

    [Fact]
    public async Task The_word_index_follows_renames_code_and_call_sign_edits_and_deletes()
    {
        var word = "Q" + VesselSamples.NewShipCode();
        var other = "R" + VesselSamples.NewShipCode();
        var fields = VesselSamples.Valid($"{word} ONE");
        var id = (await Store.CreateAsync(fields)).Id!.Value;
        Assert.Equal([id], await FoundAsync(word));

        fields.Name = $"{other} ONE";
        Assert.True((await Store.UpdateAsync(id, fields)).Succeeded);
        Assert.Empty(await FoundAsync(word));
        Assert.Equal([id], await FoundAsync(other));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM vessel_word_list WHERE word = @word", word));

        fields.Callsign = word;
        Assert.True((await Store.UpdateAsync(id, fields)).Succeeded);
        Assert.Equal([id], await FoundAsync(word));

        Assert.True(await Store.DeleteAsync(id));
        Assert.Empty(await FoundAsync(other));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM vessel_words WHERE id = @id", id));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM vessel_word_list WHERE word = @word", other));
    }

    private async Task<List<long>> FoundAsync(string typed)
    {
        Assert.NotNull(new VesselQuery(Name: typed).WordIndexKeys());
        return [.. (await Store.SearchAsync(new VesselQuery(Name: typed))).Items.Select(v => v.Id)];
    }

    private async Task CreateAsync(string name, string? callsign = null)
    {
        var fields = VesselSamples.Valid(name);
        fields.Callsign = callsign;
        Assert.True((await Store.CreateAsync(fields)).Succeeded);
    }

    private async Task<long> CountAsync(string sql, object value)
    {
        await using var connection = await app.Services.GetRequiredService<Database>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, value is string word ? new { word } : new { id = value });
    }
}
