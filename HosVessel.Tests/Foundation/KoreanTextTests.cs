using HosVessel.Web;

namespace HosVessel.Tests.Foundation;

/// <summary>Particles follow the sound the word ends on, as a Korean reader says it.</summary>
public sealed class KoreanTextTests
{
    [Theory]
    // Hangul: a final consonant takes 을, none takes 를.
    [InlineData("선박명", "선박명을")]
    [InlineData("IMO 번호", "IMO 번호를")]
    [InlineData("선박 코드", "선박 코드를")]
    [InlineData("크기", "크기를")]
    [InlineData("담당팀", "담당팀을")]
    [InlineData("선원 정보", "선원 정보를")]
    // Brackets: the word before them decides ("선박 구분 (RO)" agrees with 구분).
    [InlineData("선박 구분 (RO)", "선박 구분 (RO)을")]
    [InlineData("크기 (m)", "크기 (m)를")]
    // Acronyms are spelled out: 아이엠오, 케이알, 알오, 엘엔지, 씨엔티알.
    [InlineData("IMO", "IMO를")]
    [InlineData("KR", "KR을")]
    [InlineData("RO", "RO를")]
    [InlineData("LNG", "LNG를")]
    [InlineData("CNTR", "CNTR을")]
    [InlineData("LR+KR", "LR+KR을")]
    [InlineData("CM", "CM을")]
    // Words are said as words: 어드민, 뷰어, 현대 에코피아, 현대 앰비션.
    [InlineData("admin", "admin을")]
    [InlineData("new-viewer", "new-viewer를")]
    [InlineData("H/ECOPIA", "H/ECOPIA를")]
    [InlineData("HYUNDAI AMBITION", "HYUNDAI AMBITION을")]
    // Digits by their Korean reading.
    [InlineData("1", "1을")]
    [InlineData("2", "2를")]
    [InlineData("3", "3을")]
    [InlineData("4", "4를")]
    [InlineData("5", "5를")]
    [InlineData("6", "6을")]
    [InlineData("7", "7을")]
    [InlineData("8", "8을")]
    [InlineData("9", "9를")]
    [InlineData("0", "0을")]
    [InlineData("10", "10을")]
    [InlineData("9321483", "9321483을")]
    [InlineData("user02", "user02를")]
    // Closing quotes and an ellipsis are not read.
    [InlineData("'2019/05'", "'2019/05'를")]
    [InlineData("'AAAA…'", "'AAAA…'를")]
    [InlineData("'delete-me'", "'delete-me'를")]
    public void The_object_particle_follows_the_final_sound(string noun, string expected) =>
        Assert.Equal(expected, KoreanText.AsObject(noun));

    [Theory]
    [InlineData("'9321483'", "'9321483'은")]
    [InlineData("'12345'", "'12345'는")]
    [InlineData("'HOAC'", "'HOAC'는")]
    [InlineData("'XX'", "'XX'는")]
    public void The_topic_particle_follows_the_final_sound(string noun, string expected) =>
        Assert.Equal(expected, KoreanText.AsTopic(noun));

    [Theory]
    [InlineData("IMO 번호 9321483", "IMO 번호 9321483이")]
    [InlineData("IMO 번호 9321482", "IMO 번호 9321482가")]
    public void The_subject_particle_follows_the_final_sound(string noun, string expected) =>
        Assert.Equal(expected, KoreanText.AsSubject(noun));

    [Theory]
    // ㄹ takes 로 like a vowel: 서울로, 7 칠로, KR 케이알로; other consonants take 으로.
    [InlineData("관리자", "관리자로")]
    [InlineData("조회 전용", "조회 전용으로")]
    [InlineData("서울", "서울로")]
    [InlineData("7", "7로")]
    [InlineData("KR", "KR로")]
    [InlineData("3", "3으로")]
    public void The_direction_particle_treats_rieul_like_a_vowel(string noun, string expected) =>
        Assert.Equal(expected, KoreanText.AsDirection(noun));

    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("船")]
    public void Something_unreadable_keeps_both_forms(string noun) =>
        Assert.Equal(noun + "을(를)", KoreanText.AsObject(noun));
}
