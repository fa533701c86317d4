namespace HosVessel.Web;

/// <summary>
/// Korean particles that follow the sound a word ends on, so messages read "IMO 번호를 입력하세요" and
/// "선박 코드를", never the machine-made "을(를)". The word is read the way a Korean speaker says it: Hangul by its
/// final consonant (받침), digits by their Korean reading (3 삼 → 을, 2 이 → 를), acronyms letter by letter
/// (KR 케이알 → 을, IMO 아이엠오 → 를), longer English words by their ending (ADMIN 어드민 → 을).
/// </summary>
public static class KoreanText
{
    /// <summary>How a word ends when spoken: the particle choice needs no more than this.</summary>
    public enum Ending
    {
        /// <summary>Nothing readable (an empty string, symbols, Hanja): the particle is written with both forms.</summary>
        Unknown,
        Vowel,
        Consonant,

        /// <summary>ㄹ: a consonant, but it takes 로 rather than 으로.</summary>
        Rieul,
    }

    /// <summary>The noun with 을 or 를.</summary>
    public static string AsObject(string noun) => WithParticle(noun, "을", "를");

    /// <summary>The noun with 이 or 가.</summary>
    public static string AsSubject(string noun) => WithParticle(noun, "이", "가");

    /// <summary>The noun with 은 or 는.</summary>
    public static string AsTopic(string noun) => WithParticle(noun, "은", "는");

    /// <summary>The noun with 으로 or 로 (ㄹ takes 로, as in 서울로).</summary>
    public static string AsDirection(string noun) => noun + EndingOf(noun) switch
    {
        Ending.Consonant => "으로",
        Ending.Unknown => "(으)로",
        _ => "로",
    };

    /// <summary>The noun with <paramref name="afterConsonant"/> or <paramref name="afterVowel"/> (for example 이어야/여야).</summary>
    public static string WithParticle(string noun, string afterConsonant, string afterVowel) => noun + EndingOf(noun) switch
    {
        Ending.Vowel => afterVowel,
        Ending.Consonant or Ending.Rieul => afterConsonant,
        _ => $"{afterConsonant}({afterVowel})",
    };

    /// <summary>How <paramref name="text"/> ends when read aloud, looking past closing quotes and punctuation.</summary>
    public static Ending EndingOf(string? text)
    {
        var i = (text?.Length ?? 0) - 1;
        while (i >= 0)
        {
            var c = text![i];
            if (char.IsWhiteSpace(c) || Unspoken.Contains(c))
            {
                i--;
            }
            else if (Closers.IndexOf(c) is var kind and >= 0)
            {
                // "크기 (m)": the particle agrees with the word before the brackets, as in Korean style guides.
                i = OpeningBracket(text, i, Openers[kind], c) - 1;
            }
            else
            {
                return EndingAt(text, i);
            }
        }
        return Ending.Unknown;
    }

    private const string Unspoken = "'\"‘’“”»」』.,!?:;…~";
    private const string Closers = ")]}";
    private const string Openers = "([{";

    private static int OpeningBracket(string text, int close, char opener, char closer)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            depth += text[i] == closer ? 1 : text[i] == opener ? -1 : 0;
            if (depth == 0)
            {
                return i;
            }
        }
        // No opening bracket: read past the lone one.
        return close;
    }

    private static Ending EndingAt(string text, int i)
    {
        var c = text[i];
        return c switch
        {
            >= '\uAC00' and <= '\uD7A3' => ((c - 0xAC00) % 28) switch { 0 => Ending.Vowel, 8 => Ending.Rieul, _ => Ending.Consonant },
            // Compatibility jamo said alone: ㄱ 기역 … ㅎ 히읗 (ㄹ 리을), ㅏ 아 … ㅣ 이.
            >= '\u3131' and <= '\u314E' => c == '\u3139' ? Ending.Rieul : Ending.Consonant,
            >= '\u314F' and <= '\u3163' => Ending.Vowel,
            >= '0' and <= '9' => DigitEnding(c),
            '%' => Ending.Vowel,
            _ when char.IsAsciiLetter(c) => LatinEnding(text, i),
            _ => Ending.Unknown,
        };
    }

    // 0 영, 10 십, 100 백, 1000 천, 10000 만: every reading of a final zero ends in a consonant other than ㄹ.
    private static Ending DigitEnding(char digit) => digit switch
    {
        '1' or '7' or '8' => Ending.Rieul,
        '0' or '3' or '6' => Ending.Consonant,
        _ => Ending.Vowel,
    };

    private static Ending LatinEnding(string text, int end)
    {
        var start = end;
        while (start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }
        var word = text.AsSpan(start, end - start + 1);
        var hasVowel = word.IndexOfAny("AEIOUaeiou") >= 0;
        var allUpper = !word.ContainsAnyInRange('a', 'z');
        // KR, LR, IMO, CNTR and kr are spelled out; HYUNDAI, ADMIN and viewer are said as words.
        var spelled = word.Length == 1 || !hasVowel || (allUpper && word.Length <= 3);
        return spelled ? LetterNameEnding(word[^1]) : WordEnding(word);
    }

    // The letter names in Korean: 엘 and 알 end in ㄹ, 엠 and 엔 in a consonant, every other name (에이, 비, 에스, 엑스…) in a vowel.
    private static Ending LetterNameEnding(char letter) => char.ToUpperInvariant(letter) switch
    {
        'L' or 'R' => Ending.Rieul,
        'M' or 'N' => Ending.Consonant,
        _ => Ending.Vowel,
    };

    // English words as Korean loanwords end: -l 캐피털, -m 시스템, -n 어드민, -ng 시핑, -ck 독; -r (뷰어) and the rest
    // mostly gain a vowel (보트, 스타). A guess, but one that matches the ship and user names this app shows.
    private static Ending WordEnding(ReadOnlySpan<char> word)
    {
        var last = char.ToLowerInvariant(word[^1]);
        var before = word.Length > 1 ? char.ToLowerInvariant(word[^2]) : '\0';
        return last switch
        {
            'l' => Ending.Rieul,
            'm' or 'n' => Ending.Consonant,
            'g' when before == 'n' => Ending.Consonant,
            'k' when before == 'c' => Ending.Consonant,
            _ => Ending.Vowel,
        };
    }
}
