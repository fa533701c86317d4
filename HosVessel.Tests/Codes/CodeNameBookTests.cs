using HosVessel.Web.Codes;

namespace HosVessel.Tests.Codes;

/// <summary>How a stored value reads in Korean: single codes, combined classes as the register writes them, unnamed codes.</summary>
public sealed class CodeNameBookTests
{
    private static readonly CodeNameBook Book = new(new Dictionary<(CodeKind, string), string>
    {
        [(CodeKind.ClassSociety, "LR")] = "로이드선급",
        [(CodeKind.ClassSociety, "KR")] = "한국선급",
        [(CodeKind.ClassSociety, "ABS")] = "미국선급",
        [(CodeKind.ClassSociety, "DNV GL")] = "노르웨이·독일선급",
        [(CodeKind.Flag, "KOR")] = "대한민국",
    });

    [Theory]
    [InlineData(CodeKind.Flag, "KOR", "대한민국")]
    [InlineData(CodeKind.Flag, " kor ", "대한민국")]
    [InlineData(CodeKind.Flag, "PAN", CodeNameBook.Unnamed)]
    [InlineData(CodeKind.ClassSociety, "LR+KR", "로이드선급 + 한국선급")]
    [InlineData(CodeKind.ClassSociety, "KR/ABS", "한국선급 / 미국선급")]
    [InlineData(CodeKind.ClassSociety, "dnv  gl/KR", "노르웨이·독일선급 / 한국선급")]
    [InlineData(CodeKind.ClassSociety, "LR+XYZ", "로이드선급 + XYZ 이름 없음")]
    // A team code is not split at '/': only class societies combine.
    [InlineData(CodeKind.Team, "CT1/CT2", CodeNameBook.Unnamed)]
    [InlineData(CodeKind.Flag, "  ", null)]
    public void Describe_names_each_part_of_a_value(CodeKind kind, string value, string? expected) =>
        Assert.Equal(expected, Book.Describe(kind, value));

    [Fact]
    public void A_class_value_splits_into_its_societies_and_other_kinds_stay_whole()
    {
        Assert.Equal(["LR", "KR"], CodeKinds.Parts(CodeKind.ClassSociety, "lr + kr"));
        Assert.Equal(["B/C"], CodeKinds.Parts(CodeKind.ShipType, "b/c"));
    }

    [Fact]
    public void Every_kind_has_a_key_and_the_title_of_its_field()
    {
        Assert.Equal(Enum.GetValues<CodeKind>(), CodeKinds.All.Select(kind => kind.Kind));
        Assert.Equal(["선종", "국적", "선급", "RO (대행 검사 기관)", "담당 팀 (TIC)", "선원 관리팀 (crew)", "항로 (라인)"],
            CodeKinds.All.Select(kind => kind.Title));
    }
}
