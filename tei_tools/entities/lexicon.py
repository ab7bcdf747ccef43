"""Word lists the name rules use: general knowledge of Chinese and English names, not of any article."""
from __future__ import annotations

# Heads that end a Chinese organisation name, longest first when matched.
ZH_ORG_HEADS = sorted("""
委员会 人民政府 人民委员会 人民公社 合作社 供销社 信用社 公司 工会 青年团 共青团 妇联
联合会 协会 学会 学校 中学 小学 大学 学院 医院 图书馆 博物馆 文化馆 研究所 研究院 设计院 农场 林场
牧场 工厂 铁工厂 钢铁厂 机械厂 日报 晚报 画报 杂志社 报社 出版社 通讯社 新华社 银行 商店 书店 剧团
市委 县委 区委 省委 地委 党委 支部 总支 厂 部 局 厅 社 报 矿 站 所 院 馆 团 处 委 会 店 场 军
""".split(), key=len, reverse=True)

# Committee words: a place directly before them loses its suffix to them (汾阳 in 汾阳县委).
ZH_COMMITTEE_WORDS = ("市委", "县委", "区委", "省委", "地委", "乡委", "镇委")
# Administrative and geographic suffixes that make a word a place.
ZH_PLACE_SUFFIXES = ("自治区", "自治州", "自治县", "专区", "地区", "省", "市", "县", "区", "乡", "镇",
                     "村", "州", "河", "江", "湖", "港", "岛", "山区")

# Words with a place suffix that are common nouns, not names.
ZH_NOT_PLACE = set("""
山区 地区 市区 郊区 灾区 牧区 林区 矿区 老区 新区 全区 本区 该区 全县 本县 该县 全市 本市 该市 全省 本省 外省
各省 各县 各市 城市 农村 乡村 山村 县城 全村 本村 各村 该村 外地 本地 全乡 本乡 各乡 江河 河流 湖泊
大桥 大坝 水库 工地 车站 码头 港口 公路 铁路 山区
""".split())

# Words ending in a head character that are not organisation names.
ZH_NOT_ORG = set("""
干部 全部 内部 外部 局部 本部 大部 部分 社会 汇报 情报 简报 电报 海报 预报 警报 报告 报道 报纸 报刊
报名 报到 报酬 报销 报表 报喜 报请 报送 报考 大会 开会 机会
会议 晚会 社员 团员 团结 团体 会员 委员 院子 所以 所有 所谓 场所 厕所 住所 广场 市场 现场 立场 会场 农场主
车站 部队 军队 排队 小队 队伍 代表团 访问团 参观团 考察团 慰问团 观察团 使团 部长 局长 社长 厂长 团长
院长 站长 所长 馆长 处长 会长 大厂 小厂 各厂 本厂 该厂 全厂 此厂 下厂 进厂 出厂 回厂 到厂 建厂
""".split())

# Characters that cannot be inside a Chinese organisation name: they end the span to the left.
ZH_STOP_CHARS = set("的了在到和与及同跟是把被从向对由给为以往于将让叫使或而并也还都就又再才各这那该此其每某"
                    "全据经说称等有去来过着得地曾已被仍即其原载讯")

# Titles after a surname or name: 刘主任, 李秀英同志.
ZH_PERSON_TITLES = sorted("""
同志 主任 书记 厂长 社长 局长 部长 县长 市长 省长 乡长 村长 区长 主席 队长 组长 科长 经理 委员 代表
师傅 老师 大娘 大爷 大伯 大婶 大嫂 老汉 先生 女士 教授 工程师 技术员 会计 校长 院长 站长 场长 所长 馆长
""".split(), key=len, reverse=True)
# Words that stand before a name (社长王永福, 老农郭来和): the name follows them.
ZH_TITLES_BEFORE = sorted(set(ZH_PERSON_TITLES) - {"同志", "先生", "女士", "大娘", "大爷", "大嫂"} | set("""
管理员 队员 社员 团员 党员 老农 农民 工人 青年 妇女 学生 记者 教员 干部 炊事员 饲养员 保管员 拖拉机手
""".split()), key=len, reverse=True)

# The most common Chinese surnames (single characters), for telling names from other words.
ZH_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
                  "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
                  "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
                  "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
                  "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
                  "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")

# English heads that end an organisation name.
EN_ORG_HEADS = set("""
Factory Factories Plant Works Mill Mills Department Committee League Union Daily Cooperative Co-op
Ministry Bureau Agency Commune School University College Institute Hospital Bank Company Corporation
Association Federation Council Government Office Station Brigade Farm Mine Library Academy Society
Store Shop Newspaper Troupe Administration Section Group Army Party Press Publishing House
Congress Court Procuratorate Cooperatives Headquarters Branch Center Centre Museum Hall
Distillery Brewery Winery Refinery Foundry Shipyard Dockyard Cannery Tannery Clinic Kindergarten
Sanatorium Observatory Workshop Cooperative Co-operative Commission Prefecture-Committee
""".split()) - {"Party", "House", "Group", "Hall", "Center", "Centre"}
# English words for the suffix a Chinese place name carries (Wenyu River / 文峪河).
EN_PLACE_SUFFIX_ZH = {"River": ("河", "江"), "Village": ("村", "庄"), "County": ("县",),
                      "Province": ("省",), "City": ("市",), "District": ("区",), "Township": ("乡",),
                      "Town": ("镇",), "Lake": ("湖",), "Mountain": ("山",),
                      "Prefecture": ("专区", "地区", "州"), "Island": ("岛",),
                      "Reservoir": ("水库",), "Canal": ("运河", "渠")}
# Geographic heads that make a proper name before them a place (百嘉 + 水库).
ZH_GEO_HEADS = ("水库", "运河")
# Place heads; the span keeps them (Hebei Province, Dingxian County).
EN_PLACE_HEADS = set("""
Province County City District Township Village River Prefecture Town Region Lake Mountain Mountains
Island Sea Bay Gorge Canal Reservoir Basin Plain Plateau Valley Harbour Harbor Port
""".split())
# Committee words in English: a place directly before them is tagged without them.
EN_COMMITTEE_MODIFIERS = {"Municipal", "District", "County", "Provincial", "Prefectural", "Township",
                          "City", "Village", "Town"}
EN_PERSON_TITLES = {"Comrade", "Director", "Secretary", "Chairman", "Manager", "Mr.", "Mrs.", "Miss",
                    "Ms.", "Dr.", "Professor", "Mayor", "Governor", "Chief", "Captain", "Commander",
                    "Principal", "Minister", "Premier", "President", "Old", "Aunt", "Uncle", "Teacher",
                    "Engineer", "Technician", "Master", "Brother", "Sister", "Granny", "Grandpa",
                    "Librarian", "Accountant", "Worker", "Farmer", "Peasant", "Doctor", "Nurse",
                    "Reporter", "Member", "Leader", "Head", "Instructor", "Deputy"}
# Capitalised words that start sentences or titles but are not names.
EN_NOT_NAME = set("""
The A An This That These Those Its Their His Her Our Your My After Before When While Since However
In At On Of For From By With As Although Though If Then Now Initially Therefore Thus So But And Or
Many Some Each Every All Both Several Various Other Another Such No Not Once Originally Later Also
It He She They We You I Of Where What Which Who Why How Because Besides Moreover Furthermore During
Under Over Through Between Among About Against Into Onto Upon Within Without To Up Down Out Off Last
Next One Two Three Four Five Six Seven Eight Nine Ten Thirteen New
Going Staying Dividing Must Learning Continuing Guiding Of Here There Yet Still Even Only Just Most
Great Greater Small Large Big Good Bad Old Young Current Present Past Future Since Until Upon Whether
""".split()) - {"New"}
# What an organisation head in Chinese may be called in English (for linking the two).
HEAD_TRANSLATIONS = {
    "厂": {"Factory", "Plant", "Works", "Mill", "Mills", "Factories", "Distillery", "Brewery",
          "Winery", "Refinery", "Foundry", "Shipyard", "Dockyard", "Cannery", "Tannery"},
    "矿": {"Mine", "Mines", "Colliery"},
    "部": {"Department", "Ministry"},
    "委": {"Committee"}, "委员会": {"Committee", "Commission", "Council"},
    "局": {"Bureau", "Administration", "Office"}, "厅": {"Department", "Bureau"},
    "社": {"Cooperative", "Agency", "Society", "Commune", "Press", "Co-op"},
    "报": {"Daily", "News", "Newspaper", "Gazette", "Press"},
    "会": {"Union", "Association", "Federation", "Society", "Council", "Congress"},
    "团": {"League", "Corps", "Troupe", "Brigade"},
    "司": {"Company", "Corporation"},
    "校": {"School", "College", "Academy"}, "学": {"School", "University", "College"},
    "院": {"Hospital", "Institute", "Academy", "College", "Court"},
    "馆": {"Library", "Museum", "Hall", "Centre", "Center"},
    "站": {"Station"}, "场": {"Farm", "Ground", "Ranch"}, "所": {"Institute", "Station", "Office"},
    "府": {"Government"}, "行": {"Bank"}, "店": {"Store", "Shop"},
    "处": {"Office", "Section", "Division"}, "军": {"Army"},
}
