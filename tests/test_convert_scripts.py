"""Articles in scripts and languages the dev set barely holds (invented text): the page patterns are the usual
ones (headline, byline, date, picture credit with its caption, paragraphs, share buttons, a "read more" list,
a footer), only the words and the script differ. Each case checks what the rule tables and the script-aware
measures must find: the body whole, the furniture dropped, headline, author and credit."""

from __future__ import annotations

import pytest
from test_convert_rules import convert

from corpus.convert.features import ends_like_sentence, line_features
from corpus.convert.fields.dates import find_date

ARTICLES = {
    "zh": dict(
        head="山城小镇启用新型电动公交车，居民出行更加便利",
        byline="记者 王小明",
        author="王小明",
        date="2024年4月28日 09:15",
        caption="新型电动公交车在小镇中心广场试运行。",
        credit="图片来源：本报记者 李华 摄",
        credited="本报记者 李华 摄",
        paras=[
            "本报讯 经过半年多的准备，位于山区的青石镇于本周一正式启用了十辆新型电动公交车，这是该镇历史上第一次大规模更新公共交通工具。",
            "镇政府负责人表示，新车辆每次充电可以行驶约二百公里，足以满足镇内三条线路一整天的运营需求。",
            "据了解，过去镇上的公交车大多使用柴油，车辆老旧、噪音较大，不少老年居民反映乘车体验不佳。",
            "“以前坐车要等很久，现在每十五分钟就有一班，而且车里很安静。”一位在菜市场附近等车的居民告诉记者。",
            "为了配合新车运营，镇上还在车站旁修建了两座充电站，并在主要站点安装了电子显示屏，方便乘客查询到站时间。",
        ],
        menu=[
            "首页",
            "新闻",
            "财经",
            "体育",
            "科技",
            "登录",
        ],
        share=[
            "分享到：",
            "微信",
            "微博",
            "QQ空间",
        ],
        teaser_hdr="相关阅读",
        teasers=[
            "山区小学迎来第一批新教师",
            "青石镇举办春季农产品展销会",
        ],
        footer=[
            "版权所有 © 2024 青石日报社 保留所有权利",
            "关于我们 | 联系我们 | 广告服务",
        ],
    ),
    "ja": dict(
        head="海辺の町で古い灯台が改修、来月から一般公開へ",
        byline="山田 太郎",
        author="山田 太郎",
        date="2024年4月28日 10時30分",
        caption="改修工事を終えた白い灯台（28日午前、町内で）",
        credit="写真：佐藤 花子",
        credited="佐藤 花子",
        paras=[
            "海辺の小さな町にある築百年以上の灯台が、二年間の改修工事を終えて、来月から一般に公開されることになった。",
            "町の観光課によると、灯台は長年の潮風で外壁が傷み、内部の階段も老朽化していたため、数年前から立ち入りが禁止されていた。",
            "改修では、当時の設計図をもとに外壁を塗り直し、らせん階段の手すりを新しく取り付けたほか、展望台に転落防止の柵を設けた。",
            "工事を担当した建設会社の担当者は「古い部材をできるだけ残しながら安全性を高めるのが一番難しかった」と話している。",
            "公開は毎週土曜日と日曜日の午前十時から午後四時までで、入場は無料だが、一度に展望台に上がれるのは十人までとなる。",
        ],
        menu=[
            "ホーム",
            "ニュース",
            "経済",
            "スポーツ",
            "ログイン",
        ],
        share=[
            "シェアする",
            "ツイート",
            "LINEで送る",
        ],
        teaser_hdr="関連記事",
        teasers=[
            "港の朝市、三年ぶりに再開",
            "町の図書館が夜間開館を試行",
        ],
        footer=[
            "Copyright © 2024 海辺新聞社 All rights reserved.",
            "利用規約 | プライバシーポリシー",
        ],
    ),
    "ko": dict(
        head="도심 속 옛 기차역, 시민 문화공간으로 새 단장",
        byline="김민수 기자",
        author="김민수",
        date="2024년 4월 28일 오전 9:20",
        caption="문화공간으로 바뀐 옛 기차역 대합실 모습.",
        credit="사진=이지은 기자",
        credited="이지은 기자",
        paras=[
            "이십 년 넘게 비어 있던 도심의 옛 기차역이 시민들을 위한 문화공간으로 새롭게 문을 열었다.",
            "시는 지난해부터 약 삼십억 원을 들여 낡은 역사 건물을 보수하고 대합실을 전시실과 작은 공연장으로 바꾸는 공사를 진행해 왔다.",
            "건물의 붉은 벽돌과 나무 창틀은 최대한 원래 모습대로 살렸고, 옛 매표소는 방문객 안내소로 쓰이게 됐다.",
            "개관 첫날에는 인근 주민과 학생 등 천여 명이 찾아 옛 기차역의 사진과 기차표를 모은 전시를 둘러봤다.",
            '어릴 때 이 역에서 기차를 탔다는 한 주민은 "다시 이곳에 와 보니 감회가 새롭다"며 "아이들에게도 옛이야기를 들려줄 수 있어 좋다"고 말했다.',
        ],
        menu=[
            "홈",
            "뉴스",
            "경제",
            "스포츠",
            "로그인",
        ],
        share=[
            "공유하기",
            "페이스북",
            "카카오톡",
        ],
        teaser_hdr="관련기사",
        teasers=[
            "구도심 골목길 벽화 거리 조성",
            "시립미술관 야간 개장 연장",
        ],
        footer=[
            "저작권자 © 도시일보 무단전재 및 재배포 금지",
            "회사소개 | 개인정보처리방침 | 이용약관",
        ],
    ),
    "ar": dict(
        head="افتتاح مكتبة عامة جديدة في وسط المدينة القديمة",
        byline="بقلم: أحمد محمود",
        author="أحمد محمود",
        date="٢٨ أبريل ٢٠٢٤",
        caption="زوار يتصفحون الكتب في القاعة الرئيسية للمكتبة الجديدة.",
        credit="تصوير: سارة علي",
        credited="سارة علي",
        paras=[
            "افتتحت البلدية صباح الأحد مكتبة عامة جديدة في مبنى تاريخي وسط المدينة القديمة، بعد أعمال ترميم استمرت أكثر من عامين.",
            "وقال رئيس البلدية في كلمة خلال حفل الافتتاح إن المكتبة تضم أكثر من عشرين ألف كتاب باللغتين العربية والإنجليزية، إضافة إلى قسم خاص للأطفال.",
            "وأوضح أن المبنى كان في الأصل مدرسة بنيت في بداية القرن الماضي، وقد حرص المهندسون على الحفاظ على نوافذه الخشبية وأقواسه الحجرية.",
            "وتوفر المكتبة قاعة للمطالعة تتسع لمئة شخص، وغرفة للحاسوب مجهزة بالإنترنت، ومساحة صغيرة للقاءات الثقافية والندوات.",
            "وقالت إحدى الزائرات، وهي معلمة متقاعدة، إنها سعيدة بوجود مكان هادئ للقراءة قريب من منزلها، وإنها تنوي زيارة المكتبة كل أسبوع.",
        ],
        menu=[
            "الرئيسية",
            "أخبار",
            "اقتصاد",
            "رياضة",
            "تسجيل الدخول",
        ],
        share=[
            "شارك",
            "فيسبوك",
            "تويتر",
            "واتساب",
        ],
        teaser_hdr="اقرأ أيضا",
        teasers=[
            "ترميم السوق القديم يدخل مرحلته الأخيرة",
            "مهرجان للكتاب في الحديقة العامة",
        ],
        footer=[
            "جميع الحقوق محفوظة © 2024",
            "من نحن | اتصل بنا | سياسة الخصوصية",
        ],
    ),
    "he": dict(
        head="גן ציבורי חדש נפתח בשכונה הצפונית של העיר",
        byline="מאת דנה לוי",
        author="דנה לוי",
        date="28.04.2024 10:45",
        caption="ילדים משחקים במתקנים החדשים בגן.",
        credit="צילום: יוסי כהן",
        credited="יוסי כהן",
        paras=[
            "גן ציבורי חדש בשטח של כעשרה דונם נפתח השבוע לקהל בשכונה הצפונית של העיר, לאחר עבודות שנמשכו כשנה וחצי.",
            "לדברי העירייה, הגן כולל מתקני משחק לילדים בכל הגילים, שבילי הליכה מוצלים, פינת כלבים ומגרש כדורסל קטן.",
            "בתכנון הגן הושם דגש על צמחייה שאינה דורשת השקיה רבה, ורוב העצים שנשתלו הם עצים מקומיים המותאמים לאקלים האזור.",
            "תושבי השכונה ביקשו במשך שנים שטח ירוק קרוב לבתיהם, ורבים מהם הגיעו לטקס הפתיחה עם ילדיהם.",
            '"עד היום היינו צריכים לנסוע לגן בצד השני של העיר", אמרה אחת התושבות. "עכשיו הילדים יכולים ללכת לכאן ברגל."',
        ],
        menu=[
            "ראשי",
            "חדשות",
            "כלכלה",
            "ספורט",
            "התחברות",
        ],
        share=[
            "שתפו",
            "פייסבוק",
            "וואטסאפ",
        ],
        teaser_hdr="עוד בנושא",
        teasers=[
            "שביל אופניים חדש לאורך הנחל",
            "הספרייה העירונית מאריכה את שעות הפתיחה",
        ],
        footer=[
            "כל הזכויות שמורות © 2024",
            "אודות | צור קשר | מדיניות פרטיות",
        ],
    ),
    "hi": dict(
        head="गांव के सरकारी स्कूल में खुली नई विज्ञान प्रयोगशाला",
        byline="रिपोर्ट: राहुल शर्मा",
        author="राहुल शर्मा",
        date="28 अप्रैल 2024",
        caption="नई प्रयोगशाला में प्रयोग करते हुए छात्र।",
        credit="फोटो: प्रिया वर्मा",
        credited="प्रिया वर्मा",
        paras=[
            "जिले के एक छोटे से गांव के सरकारी स्कूल में सोमवार को नई विज्ञान प्रयोगशाला का उद्घाटन किया गया, जिससे छात्रों में खासा उत्साह है।",
            "स्कूल के प्रधानाचार्य ने बताया कि अब तक बच्चों को प्रयोग करने के लिए पास के कस्बे के स्कूल में जाना पड़ता था।",
            "प्रयोगशाला में भौतिकी, रसायन और जीव विज्ञान के लिए अलग-अलग मेजें लगाई गई हैं और सुरक्षा के लिए अग्निशामक यंत्र भी रखे गए हैं।",
            "इस परियोजना का खर्च राज्य सरकार और गांव की पंचायत ने मिलकर उठाया है, जबकि कुछ उपकरण पूर्व छात्रों ने दान किए हैं।",
            'कक्षा दस की एक छात्रा ने कहा, "पहले हम केवल किताबों में चित्र देखते थे, अब हम खुद प्रयोग करके सीख सकेंगे।"',
        ],
        menu=[
            "होम",
            "समाचार",
            "खेल",
            "व्यापार",
            "लॉग इन",
        ],
        share=[
            "शेयर करें",
            "फेसबुक",
            "व्हाट्सऐप",
        ],
        teaser_hdr="ये भी पढ़ें",
        teasers=[
            "जिले में शुरू हुआ पुस्तकालय अभियान",
            "किसानों के लिए नई सिंचाई योजना",
        ],
        footer=[
            "सर्वाधिकार सुरक्षित © 2024",
            "हमारे बारे में | संपर्क करें | गोपनीयता नीति",
        ],
    ),
    "el": dict(
        head="Νέα γραμμή πλοίου συνδέει το νησί με το λιμάνι της πρωτεύουσας",
        byline="Του Γιώργου Παπαδόπουλου",
        author="Γιώργου Παπαδόπουλου",
        date="28 Απριλίου 2024, 11:20",
        caption="Το νέο πλοίο στο λιμάνι του νησιού κατά το πρώτο του ταξίδι.",
        credit="Φωτογραφία: Μαρία Νικολάου",
        credited="Μαρία Νικολάου",
        paras=[
            "Μια νέα ακτοπλοϊκή γραμμή που συνδέει το μικρό νησί με το λιμάνι της πρωτεύουσας ξεκίνησε τη λειτουργία της την Κυριακή.",
            "Σύμφωνα με την εταιρεία, το πλοίο θα εκτελεί τρία δρομολόγια την εβδομάδα τους χειμερινούς μήνες και καθημερινά το καλοκαίρι.",
            "Οι κάτοικοι του νησιού ζητούσαν εδώ και χρόνια μια απευθείας σύνδεση, καθώς μέχρι σήμερα έπρεπε να αλλάξουν πλοίο σε άλλο λιμάνι.",
            "«Τώρα μπορώ να πάω στον γιατρό και να γυρίσω την ίδια μέρα», είπε μια ηλικιωμένη κάτοικος που ταξίδεψε με το πρώτο δρομολόγιο.",
            "Ο δήμαρχος του νησιού δήλωσε ότι η νέα γραμμή θα βοηθήσει και τον τουρισμό, ιδίως τους μήνες πριν και μετά το καλοκαίρι.",
        ],
        menu=[
            "Αρχική",
            "Ειδήσεις",
            "Οικονομία",
            "Αθλητισμός",
            "Σύνδεση",
        ],
        share=[
            "Κοινοποίηση",
            "Facebook",
            "Twitter",
        ],
        teaser_hdr="Διαβάστε επίσης",
        teasers=[
            "Ανακαινίζεται το παλιό λιμάνι του νησιού",
            "Νέο κέντρο υγείας στα χωριά του νότου",
        ],
        footer=[
            "© 2024 Όλα τα δικαιώματα διατηρούνται",
            "Ποιοι είμαστε | Επικοινωνία | Πολιτική απορρήτου",
        ],
    ),
    "uk": dict(
        head="У районному центрі відкрили новий критий басейн для дітей",
        byline="Автор: Олена Коваленко",
        author="Олена Коваленко",
        date="28 квітня 2024, 12:05",
        caption="Діти під час першого заняття у новому басейні.",
        credit="Фото: Андрій Шевченко",
        credited="Андрій Шевченко",
        paras=[
            "У районному центрі в неділю відкрили новий критий басейн, який будували майже три роки за кошти громади та обласного бюджету.",
            "За словами голови громади, басейн має шість доріжок завдовжки двадцять п'ять метрів і окрему малу чашу для наймолодших відвідувачів.",
            "Досі діти з району мали їздити на заняття з плавання до обласного центру, що забирало багато часу та коштів.",
            "«Мій син мріяв навчитися плавати, а тепер басейн за десять хвилин від дому», — розповіла одна з мам, яка прийшла на відкриття.",
            "У спортивній школі вже набирають групи для дітей від шести років, а для дорослих діятимуть вечірні заняття.",
        ],
        menu=[
            "Головна",
            "Новини",
            "Економіка",
            "Спорт",
            "Увійти",
        ],
        share=[
            "Поділитися",
            "Facebook",
            "Telegram",
        ],
        teaser_hdr="Читайте також",
        teasers=[
            "У громаді відремонтували стару школу",
            "Новий сквер з'явиться біля ринку",
        ],
        footer=[
            "© 2024 Усі права захищено",
            "Про нас | Контакти | Політика конфіденційності",
        ],
    ),
    "pl": dict(
        head="W miasteczku nad jeziorem otwarto nową przystań dla kajaków",
        byline="Autor: Anna Nowak",
        author="Anna Nowak",
        date="28 kwietnia 2024, 13:10",
        caption="Pierwsi kajakarze na nowej przystani.",
        credit="Fot. Piotr Wiśniewski",
        credited="Piotr Wiśniewski",
        paras=[
            "W niewielkim miasteczku nad jeziorem w sobotę oficjalnie otwarto nową przystań dla kajaków i małych łodzi.",
            "Jak poinformował burmistrz, budowa trwała niespełna rok i kosztowała około dwóch milionów złotych, z czego połowę pokryła dotacja.",
            "Przystań ma drewniany pomost, wypożyczalnię sprzętu, szatnie oraz niewielką kawiarnię z widokiem na wodę.",
            "Mieszkańcy od dawna narzekali, że nad jeziorem brakuje miejsca, w którym można bezpiecznie zwodować kajak.",
            "– Wreszcie nie musimy nosić sprzętu przez trzciny – mówi jeden z członków miejscowego klubu wioślarskiego.",
        ],
        menu=[
            "Strona główna",
            "Wiadomości",
            "Biznes",
            "Sport",
            "Zaloguj się",
        ],
        share=[
            "Udostępnij",
            "Facebook",
            "Twitter",
        ],
        teaser_hdr="Czytaj także",
        teasers=[
            "Nowa ścieżka rowerowa wokół jeziora",
            "Gmina remontuje zabytkowy młyn",
        ],
        footer=[
            "© 2024 Wszelkie prawa zastrzeżone",
            "O nas | Kontakt | Polityka prywatności",
        ],
    ),
    "vi": dict(
        head="Làng nghề gốm cổ mở cửa đón khách tham quan trải nghiệm",
        byline="Nguyễn Văn An",
        author="Nguyễn Văn An",
        date="Chủ nhật, 28/4/2024, 14:00 (GMT+7)",
        caption="Du khách tự tay nặn gốm tại một xưởng trong làng.",
        credit="Ảnh: Trần Thị Bình",
        credited="Trần Thị Bình",
        paras=[
            "Một làng nghề gốm có lịch sử hơn ba trăm năm ở vùng đồng bằng vừa chính thức mở cửa đón khách tham quan và trải nghiệm làm gốm.",
            "Theo chính quyền địa phương, hiện làng có khoảng năm mươi hộ gia đình vẫn giữ nghề, phần lớn sản xuất bát, đĩa và bình hoa.",
            "Du khách có thể đi dọc các con ngõ nhỏ, xem thợ nhào đất, nặn gốm trên bàn xoay và nung sản phẩm trong những chiếc lò truyền thống.",
            "Một nghệ nhân lớn tuổi cho biết ông học nghề từ cha mình khi mới mười hai tuổi và mong muốn lớp trẻ tiếp tục gìn giữ nghề.",
            '"Khách đến đây không chỉ mua đồ mà còn muốn hiểu câu chuyện phía sau mỗi sản phẩm", ông nói.',
        ],
        menu=[
            "Trang chủ",
            "Thời sự",
            "Kinh doanh",
            "Thể thao",
            "Đăng nhập",
        ],
        share=[
            "Chia sẻ",
            "Facebook",
            "Zalo",
        ],
        teaser_hdr="Xem thêm",
        teasers=[
            "Phố cổ thử nghiệm tuyến phố đi bộ mới",
            "Chợ nổi miền Tây thu hút khách dịp lễ",
        ],
        footer=[
            "© Bản quyền thuộc về Báo Làng Quê",
            "Giới thiệu | Liên hệ | Chính sách bảo mật",
        ],
    ),
    "th": dict(
        head="ตลาดน้ำเก่าแก่กลับมาคึกคักอีกครั้งหลังการปรับปรุง",
        byline="โดย สมชาย ใจดี",
        author="สมชาย ใจดี",
        date="28 เม.ย. 2567",
        caption="นักท่องเที่ยวเลือกซื้อสินค้าจากเรือในตลาดน้ำ",
        credit="ภาพ: สมหญิง รักไทย",
        credited="สมหญิง รักไทย",
        paras=[
            "ตลาดน้ำเก่าแก่ริมคลองแห่งหนึ่งกลับมาเปิดให้บริการอีกครั้งเมื่อวันเสาร์ที่ผ่านมา หลังจากปิดปรับปรุงมานานเกือบหนึ่งปี",
            "เจ้าหน้าที่ท้องถิ่นระบุว่า การปรับปรุงครั้งนี้รวมถึงการซ่อมแซมท่าเรือ สร้างทางเดินไม้ใหม่ และติดตั้งไฟส่องสว่างตลอดแนวคลอง",
            "พ่อค้าแม่ค้าหลายรายนำอาหารพื้นบ้าน ผลไม้ และขนมไทยมาขายบนเรือเหมือนในอดีต ซึ่งได้รับความสนใจจากนักท่องเที่ยวจำนวนมาก",
            "แม่ค้าขายก๋วยเตี๋ยวเรือรายหนึ่งเล่าว่า ยอดขายในวันแรกดีกว่าที่คาดไว้มาก และหวังว่าจะมีลูกค้ามาอย่างต่อเนื่อง",
            "นอกจากนี้ ชุมชนยังจัดกิจกรรมพายเรือชมคลองและการแสดงดนตรีพื้นบ้านทุกวันอาทิตย์",
        ],
        menu=[
            "หน้าแรก",
            "ข่าว",
            "เศรษฐกิจ",
            "กีฬา",
            "เข้าสู่ระบบ",
        ],
        share=[
            "แชร์",
            "Facebook",
            "LINE",
        ],
        teaser_hdr="ข่าวที่เกี่ยวข้อง",
        teasers=[
            "เปิดเส้นทางปั่นจักรยานรอบเมืองเก่า",
            "งานวัดประจำปีเริ่มสัปดาห์หน้า",
        ],
        footer=[
            "สงวนลิขสิทธิ์ © 2567",
            "เกี่ยวกับเรา | ติดต่อเรา | นโยบายความเป็นส่วนตัว",
        ],
    ),
}


def page(a: dict, whole_page: bool) -> str:
    """The article's part of the page (or the whole page: menu and footer around it), blocks between blank lines."""
    blocks = [[a["head"]], [a["byline"], a["date"]], [a["caption"], a["credit"]], *([p] for p in a["paras"])]
    blocks += [a["share"], [a["teaser_hdr"], *a["teasers"]]]
    if whole_page:
        blocks = [a["menu"], *blocks, a["footer"]]
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"


@pytest.mark.parametrize("whole_page", [False, True], ids=["region", "page"])
@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_article_in_another_script(lang: str, whole_page: bool) -> None:
    a = ARTICLES[lang]
    rec = convert(page(a, whole_page))
    assert rec.language == lang
    assert rec.body == "\n\n".join(a["paras"])  # the text whole; menus, buttons, teasers, footer dropped
    assert rec.headline == a["head"]
    assert rec.byline.authors == [a["author"]]
    assert [(c.credit, c.caption) for c in rec.credits] == [(a["credited"], a["caption"])]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2024年4月28日 10時30分", "2024-04-28"),
        ("2024년 4월 28일 오전 9:20", "2024-04-28"),
        ("28 квітня 2024, 12:05", "2024-04-28"),
    ],
)
def test_dates_of_other_scripts(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found[0] == iso


def test_cjk_caption_closed_by_a_courtesy_bracket() -> None:
    a = ARTICLES["ja"]
    line = "展望台から海を眺める見学者たち（町観光課提供）"
    text = page(a, False).replace(f"{a['caption']}\n{a['credit']}", line)
    rec = convert(text)
    assert [(c.credit, c.caption) for c in rec.credits] == [(None, line)]
    assert rec.body == "\n\n".join(a["paras"])


ID_PARAS = [
    "Pemerintah kota meresmikan taman baru di tepi sungai pada hari Senin, setelah pembangunan yang berlangsung "
    "hampir dua tahun dan sempat tertunda karena musim hujan yang panjang.",
    "Warga yang datang pada hari pertama mengatakan taman itu jauh lebih bersih dan teduh dibandingkan lapangan "
    "kosong yang dulu ada di tempat yang sama.",
    "Pengelola taman berencana menambah jalur sepeda dan lampu penerangan tambahan pada akhir tahun ini, sambil "
    "menunggu hasil evaluasi dari dinas pekerjaan umum.",
    "Menurut juru bicara pemerintah kota, biaya pembangunan taman tersebut masih berada di bawah anggaran yang "
    "disetujui oleh dewan kota tiga tahun lalu.",
]


def test_indonesian_inline_teaser_byline_and_credit() -> None:
    blocks = [
        "Taman baru di tepi sungai resmi dibuka",
        "Penulis: Budi Santoso",
        "Warga berjalan di taman baru pada hari Senin.\nFoto: Siti Rahma",
        ID_PARAS[0],
        ID_PARAS[1],
        "Baca juga: Jembatan lama di pusat kota akan diperbaiki",
        ID_PARAS[2],
        ID_PARAS[3],
    ]
    rec = convert("\n\n".join(blocks) + "\n")
    assert rec.body == "\n\n".join(ID_PARAS)
    assert rec.byline.authors == ["Budi Santoso"]
    assert [(c.credit, c.caption) for c in rec.credits] == [
        ("Siti Rahma", "Warga berjalan di taman baru pada hari Senin.")
    ]
    assert [r.title for r in rec.related_links] == ["Jembatan lama di pusat kota akan diperbaiki"]


def test_direction_marks_do_not_hide_a_label() -> None:
    a = ARTICLES["ar"]
    rec = convert(page(a, False).replace(a["credit"], "\u200f" + a["credit"]))
    assert [(c.credit, c.caption) for c in rec.credits] == [(a["credited"], a["caption"])]


def test_khmer_and_burmese_stops_end_sentences_and_their_letters_count_densely() -> None:
    khmer = "ក្រុមប្រឹក្សាក្រុងបានសម្រេចសាងសង់ស្ពានចាស់ឡើងវិញ។"
    burmese = "မြို့တော်ကောင်စီက တံတားဟောင်းကို ပြန်လည်တည်ဆောက်ရန် ဆုံးဖြတ်ခဲ့သည်။"
    for text in (khmer, burmese):
        assert ends_like_sentence(text)
        assert line_features(text, frozenset()).words >= 12  # a sentence's length, though it holds few spaces


@pytest.mark.parametrize(
    ("lang", "date_line"),
    [
        ("ar", "28 أبريل 2024 | أخبار محلية"),
        ("he", "28.04.2024 | חדשות הארץ"),
        ("zh", "2024年4月28日 | 社会"),
    ],
)
def test_a_section_beside_the_date_is_no_author_in_scripts_without_capitals(
    lang: str, date_line: str
) -> None:
    a = {**ARTICLES[lang], "byline": date_line, "date": "10:45"}
    rec = convert(page(a, False))
    assert rec.byline.authors == []
    assert rec.headline == a["head"]


@pytest.mark.parametrize(
    ("lang", "line", "title"),
    [
        (
            "uk",
            "Попередня статтяУ громаді відремонтували стару школу",
            "У громаді відремонтували стару школу",
        ),
        ("zh", "下一篇：山区小学迎来第一批新教师", "山区小学迎来第一批新教师"),
        (
            "ar",
            "المقال السابق ترميم السوق القديم يدخل مرحلته الأخيرة",
            "ترميم السوق القديم يدخل مرحلته الأخيرة",
        ),
    ],
)
def test_previous_and_next_article_links_of_other_languages(lang: str, line: str, title: str) -> None:
    a = ARTICLES[lang]
    rec = convert(page(a, False) + "\n" + line + "\n")
    assert title in [r.title for r in rec.related_links]
    assert rec.body == "\n\n".join(a["paras"])


def test_korean_signature_below_the_last_paragraph() -> None:
    a = ARTICLES["ko"]
    blocks = [a["head"], a["date"], *a["paras"], "김민수 기자 minsu@example.co.kr"]
    rec = convert("\n\n".join(blocks) + "\n")
    assert rec.byline.authors == ["김민수"]
    assert rec.body == "\n\n".join(a["paras"])


@pytest.mark.parametrize(("line", "iso"), [("٢٨ أبريل ٢٠٢٤", "2024-04-28"), ("२८ अप्रैल २०२४", "2024-04-28")])
def test_dates_in_arabic_indic_and_devanagari_digits(line: str, iso: str) -> None:
    found = find_date(line)
    assert found is not None and found[0] == iso
    assert convert(page(ARTICLES["ar"], False)).published == "2024-04-28"


def test_korean_credit_after_the_caption_on_its_line() -> None:
    a = ARTICLES["ko"]
    text = page(a, False).replace(f"{a['caption']}\n{a['credit']}", f"{a['caption']} {a['credit']}")
    rec = convert(text)
    assert [(c.credit, c.caption) for c in rec.credits] == [(a["credited"], a["caption"])]
