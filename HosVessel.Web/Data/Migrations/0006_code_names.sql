-- Korean names for the codes the register and the feed use (issue 14): ship type, flag, class society, RO,
-- team (tic), crew-management team (crew) and line. A row exists only for a named code; a code in use without
-- one is shown as "이름 없음" and listed on /codes for an admin to name. After this seed only CodeStore writes.
CREATE TABLE code_names (
    kind        TEXT NOT NULL,      -- CodeKinds key: ship_type, flag, class, ro, tic, crew, line
    code        TEXT NOT NULL,      -- trimmed and upper-cased, as the register stores codes
    name        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (kind, code)
) WITHOUT ROWID;

-- Teams, crew-management teams and lines are the company's own codes: they get no invented names.
WITH seed(kind, code, name) AS (VALUES
    ('ship_type', 'CNTR', '컨테이너선'), ('ship_type', 'CONT', '컨테이너선'), ('ship_type', 'BULK', '벌크선'),
    ('ship_type', 'B/C', '벌크선'), ('ship_type', 'BC', '벌크선'), ('ship_type', 'TNKR', '유조선'),
    ('ship_type', 'TANKER', '유조선'), ('ship_type', 'VLCC', '초대형 유조선'), ('ship_type', 'PROD', '석유제품 운반선'),
    ('ship_type', 'CHEM', '케미컬 운반선'), ('ship_type', 'LNG', 'LNG 운반선'), ('ship_type', 'LNGC', 'LNG 운반선'),
    ('ship_type', 'LPG', 'LPG 운반선'), ('ship_type', 'LPGC', 'LPG 운반선'), ('ship_type', 'PCTC', '자동차·트럭 운반선'),
    ('ship_type', 'PCC', '자동차 운반선'), ('ship_type', 'MPV', '다목적선'), ('ship_type', 'GC', '일반 화물선'),
    ('ship_type', 'RORO', '로로선'), ('ship_type', 'REEF', '냉동선'), ('ship_type', 'OBO', '광석·벌크·유류 겸용선'),
    ('ship_type', 'WOOD', '목재 운반선'), ('ship_type', 'HLV', '중량물 운반선'),
    ('flag', 'KOR', '대한민국'), ('flag', 'PAN', '파나마'), ('flag', 'LBR', '라이베리아'),
    -- The register's older shorthand: LIB for Liberia and MAR for the Marshall Islands (not Lebanon or Morocco).
    ('flag', 'LIB', '라이베리아'), ('flag', 'MHL', '마셜 제도'), ('flag', 'MAR', '마셜 제도'),
    ('flag', 'SGP', '싱가포르'), ('flag', 'HKG', '홍콩'), ('flag', 'MLT', '몰타'), ('flag', 'BHS', '바하마'),
    ('flag', 'GRC', '그리스'), ('flag', 'CYP', '키프로스'), ('flag', 'JPN', '일본'), ('flag', 'CHN', '중국'),
    ('flag', 'PRT', '포르투갈'), ('flag', 'NOR', '노르웨이'), ('flag', 'DNK', '덴마크'), ('flag', 'GBR', '영국'),
    ('flag', 'IMN', '맨섬'), ('flag', 'BMU', '버뮤다'), ('flag', 'CYM', '케이맨 제도'), ('flag', 'ATG', '앤티가 바부다'),
    ('flag', 'VCT', '세인트빈센트 그레나딘'), ('flag', 'BEL', '벨기에'), ('flag', 'NLD', '네덜란드'), ('flag', 'DEU', '독일'),
    ('flag', 'USA', '미국'), ('flag', 'VNM', '베트남'), ('flag', 'IDN', '인도네시아'), ('flag', 'PHL', '필리핀'),
    ('flag', 'MYS', '말레이시아'), ('flag', 'THA', '태국'), ('flag', 'IND', '인도'), ('flag', 'TWN', '대만'),
    ('flag', 'RUS', '러시아'), ('flag', 'TUR', '튀르키예'), ('flag', 'SAU', '사우디아라비아'), ('flag', 'ARE', '아랍에미리트'),
    ('class', 'KR', '한국선급'), ('class', 'LR', '로이드선급'), ('class', 'ABS', '미국선급'), ('class', 'DNV', '노르웨이선급'),
    ('class', 'DNV GL', '노르웨이·독일선급'), ('class', 'GL', '독일선급'), ('class', 'BV', '프랑스선급'),
    ('class', 'NK', '일본선급'), ('class', 'NKK', '일본선급'), ('class', 'CCS', '중국선급'), ('class', 'RINA', '이탈리아선급'),
    ('class', 'IRS', '인도선급'), ('class', 'RS', '러시아선급'), ('class', 'PRS', '폴란드선급'), ('class', 'CRS', '크로아티아선급'),
    ('class', 'TL', '튀르키예선급'), ('class', 'HR', '그리스선급'), ('class', 'VR', '베트남선급'), ('class', 'BKI', '인도네시아선급')
)
INSERT INTO code_names (kind, code, name, updated_at)
SELECT kind, code, name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM seed;

-- An RO (recognized organisation) is a class society acting for the flag state: the same codes and names.
INSERT INTO code_names (kind, code, name, updated_at)
SELECT 'ro', code, name, updated_at FROM code_names WHERE kind = 'class';
