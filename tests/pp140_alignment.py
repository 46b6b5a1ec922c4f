"""Res 140 as Europe proposed it to PP-18 (EUR/48A1/9, on Busan 2014's text) and to PP-22
(EUR/44A15/1, on Dubai 2018's): every clause of the first paired with the second by
reading both texts, without the aligner's output; None: no counterpart. Reviewed by eye:
the uncertain entries and every disagreement with the aligner (tests/test_align.py)."""

from __future__ import annotations

READ_2018_TO_2022: dict[str, str | None] = {
    # --- 忆及 recalling
    "recalling-a": "recalling-a",  # Res 73 (Minneapolis)
    "recalling-b": None,  # Res 113 (Marrakesh) dropped
    "recalling-c": None,  # Decision 8 (Marrakesh) dropped
    "recalling-d": None,  # Res 172 (Guadalajara) dropped
    "recalling-e": None,  # Res 200 / Connect 2020 as a recalling item dropped (Res 200 survives in considering-h)
    # --- 进一步忆及 recalling further → merged into 忆及 in 2022
    "recalling-further-a": "recalling-b",  # Geneva Declaration/Plan, Tunis Commitment/Agenda
    "recalling-further-b": "recalling-d",  # UNGA 70/1 (2030 Agenda)
    "recalling-further-c": "recalling-c",  # UNGA 70/125 (WSIS overall review outcome document)
    "recalling-further-b-2": None,  # Rio+20 outcome dropped
    "recalling-further-c-2": None,  # WSIS Forum 2013 ministerial round table dropped
    "recalling-further-d": "recalling-e",  # WSIS+10 Statement and Vision (2014, Geneva); 2022 text also absorbs bearing-in-mind-f (MPP) wording
    "recalling-further-e": "recalling-h",  # UNGA 68/302
    # --- 考虑到 considering
    "considering-a": "considering-a",
    "considering-b": "considering-b",
    "considering-b-2": "considering-c",  # Geneva Declaration §64, core competences
    "considering-c": "considering-d",  # Tunis Agenda §102 b)
    "considering-e": "considering-e",  # UNGIS
    "considering-f": "considering-f",  # ITU/UNESCO/UNDP lead facilitators
    "considering-g": "considering-g",  # action-line facilitator (C4 added in 2022)
    "considering-h": "considering-h",  # Res 200: Connect 2020 → Connect 2030
    "considering-i": "considering-i",  # stocktaking database (Tunis §120)
    "considering-j": "considering-j",  # IGF expertise (Tunis §78 a)
    "considering-k": "considering-k",  # international Internet connectivity (Tunis §27, 50)
    "considering-l": "considering-l",  # radio spectrum (Tunis §96)
    "considering-m": None,  # UNGA 60/252: review in 2015 — dropped
    "considering-n": None,  # UNGA 68th session / 68/302 Dec-2015 review — dropped
    "considering-o": "considering-m",  # Tunis Agenda §83 quotation
    # --- 进一步考虑到 considering further
    "considering-further-a": "considering-further-a",
    "considering-further-b": "considering-further-b",
    "considering-further-b-2": "considering-further-c",  # needs of developing countries
    "considering-further-d": "considering-further-d",  # use of ITU resources/expertise for WSIS (2015-review part dropped, SDGs added)
    "considering-further-e": "considering-further-e",  # careful/efficient deployment of resources
    "considering-further-f": "considering-further-f",  # full participation of membership
    "considering-further-g": "considering-further-g",  # Strategic plan in Res 71
    "considering-further-h": "considering-further-h",  # CWG-WSIS effective mechanism
    "considering-further-i": None,  # Council-approved C2/C5/C6 roadmaps, Operational Plan 2015-2018 — dropped
    "considering-further-g-2": "considering-further-j",  # Council 2016: WSIS framework as basis, WSIS-SDG matrix
    "considering-further-h-2": "considering-further-k",  # invitation to contribute to trust fund
    "considering-further-i-2": "considering-further-l",  # statistics expertise (Tunis §113-118)
    # --- 注意到 noting
    "noting-a": "noting-a",  # annual WSIS Forum outcomes (2013 Paris event dropped)
    "noting-b": "noting-b",  # 70/125: WSIS Forum as platform, held annually
    "noting-c": "noting-c",  # Broadband Commission
    "noting-d": "noting-e",  # Sector resolutions taking 2030 Agenda into account
    "noting-e": "noting-f",  # Council 2015-2018 → 2019-2022 outcomes
    "noting-f": "noting-h",  # WTDC-17 projects → WTDC 2017 and 2021
    # --- 顾及 bearing in mind (2022 keeps one item, headed 考虑到, section considering-2)
    "bearing-in-mind-a": "considering-2-p1",  # multistakeholder participation (heading 顾及 → 考虑到)
    "bearing-in-mind-b": None,  # telecom development vs economic/social/cultural development — dropped
    "bearing-in-mind-c": None,  # Tunis §98 / Connect the World — dropped
    "bearing-in-mind-d": None,  # uncertain: 2022 recognizing-a ("ICT fundamentally changed the world in nearly two decades since WSIS") is on a similar theme, but it is a fresh EUR-2022 insertion in another section, not this clause revised
    "bearing-in-mind-e": None,  # UNGIS recommendation on ICT and post-2015 agenda — dropped
    "bearing-in-mind-f": None,  # uncertain: WSIS+10 HLE outcomes via MPP; its MPP wording was folded into 2022 recalling-e, which is paired with recalling-further-d
    "bearing-in-mind-g": "considering-further-i",  # SG's WSIS/SDG Task Force chaired by Deputy SG — moved 顾及 → 进一步考虑到
    "bearing-in-mind-h": "noting-g",  # uncertain: "outcomes of WSIS Forums 2011-2013 (+WSIS+10 HLE)" vs 2022 "WSIS论坛的成果"; moved 顾及 → 注意到; could also be treated as dropped
    "bearing-in-mind-i": None,  # ITU WSIS+10 report (2005-2014) — dropped
    "bearing-in-mind-c-2": "noting-d",  # SG annual report via CSTD + Council contribution to HLPF — moved 顾及 → 注意到
    # --- 赞同 endorsing (whole section dropped in 2022)
    "endorsing-a": None,  # WTDC Res 30 (2014)
    "endorsing-b": None,  # Res 139 (Busan)
    "endorsing-c": None,  # Council 2011-2014 outcomes (the 2015-2018 successor is noting-e)
    "endorsing-d": None,  # WTDC-14 projects (the WTDC-17 successor is noting-f)
    "endorsing-e": None,  # work under WG-WSIS and Task Force guidance
    "endorsing-f": None,  # WTSA Res 75
    # --- 认识到 recognizing
    "recognizing-a": "recognizing-h",  # UNGIS membership/chairing
    "recognizing-b": "recognizing-i",  # commitment to WSIS goals (+SDGs)
    "recognizing-c": "recognizing-k",  # uncertain: UNGA decision on the overall review — 68/302 (Dec 2015) vs 70/125 (2025 high-level meeting); same role/position, different resolution and date
    "recognizing-a-2": "recognizing-e",  # 70/125 outcome: WSIS/2030 Agenda alignment
    "recognizing-b-2": "recognizing-f",  # 70/1 (2030 Agenda) impact on ITU
    "recognizing-c-2": "recognizing-g",  # WSIS outcomes contribute to 2030 Agenda / digital economy
    # --- 做出决议 resolves
    "resolves-1": "resolves-1",  # focus of ITU role: connectivity/digital infrastructure → telecom/ICT
    "resolves-2": "resolves-2",  # Tunis §109 lead facilitation with UNESCO, UNDP
    "resolves-3": "resolves-3",  # WSIS Forum, WTISD, WSIS Prizes, stocktaking, Partnership
    "resolves-4": "resolves-4",  # lead facilitator C2, C5, C6 (+C4)
    "resolves-5": "resolves-5",  # uncertain: split at PP-18 — the "continue WSIS work within mandate, with other stakeholders" core went to 2022 resolves-5; the "WSIS framework as foundation / WSIS-SDG matrix / via CWG-WSIS, including:" tail and its list went to 2022 resolves-6
    "resolves-5-i": "resolves-6-i",  # update C2/C5/C6 roadmaps (moved under 2022 resolves-6)
    "resolves-5-ii": "resolves-6-ii",  # input to C1, C3, C4, C7, C8, C9, C11 roadmaps (moved under 2022 resolves-6)
    "resolves-5-2": "resolves-7",  # ITU continues adapting itself
    "resolves-6": None,  # take into account 2015 UNGA review outcomes — dropped
    "resolves-7": None,  # satisfaction with Summit outcomes — dropped
    "resolves-8": None,  # satisfaction with WSIS+10 HLE — dropped
    "resolves-9": None,  # appreciation for MPP/HLE coordination — dropped
    "resolves-10": None,  # appreciation for UN agencies' contributions — dropped
    "resolves-11": None,  # endorse WSIS+10 HLE outcome documents — dropped
    "resolves-11-d1": None,  # WSIS+10 Statement — dropped
    "resolves-11-d2": None,  # WSIS+10 Vision — dropped
    "resolves-12": None,  # submit HLE outcome to UNGA Dec-2015 review — dropped
    "resolves-13": None,  # thanks to ITU staff, host countries, WG-WSIS — dropped
    "resolves-14": None,  # contribution to post-2015 agenda discussions — dropped
    "resolves-15": "resolves-8",  # integrate the (Dubai→Buenos Aires→Kigali) Action Plan and WTDC Res 30
    "resolves-16": None,  # maintain stocktaking database (Tunis §120) — dropped (stocktaking stays in resolves-3)
    "resolves-17": "resolves-10",  # ITU-D high priority to C2 infrastructure
    "resolves-18": None,  # endorse WSIS+10 report — dropped
    "resolves-19": None,  # encourage UNGA to consider HLE outcome — dropped
    "resolves-20": "resolves-12",  # progress report to next PP
    # --- 责成秘书长 instructs the Secretary-General
    "instructs-secretary-general-1": None,  # submit WSIS+10 report to UNGA via CSTD — dropped
    "instructs-secretary-general-1-2": "instructs-secretary-general-1",  # support ITU role in WSIS/2030 Agenda
    "instructs-secretary-general-3": None,  # submit HLE outcome to UNGA 2015 review — dropped
    "instructs-secretary-general-4": None,  # report to Council after UNGA overall review — dropped
    "instructs-secretary-general-2": "instructs-secretary-general-2",  # 2030-Agenda activities aligned with WSIS process
    "instructs-secretary-general-3-2": "instructs-secretary-general-3",  # annual report via ECOSOC/CSTD, to CWG-WSIS&SDG
    "instructs-secretary-general-4-2": "instructs-secretary-general-4",  # annual contribution to HLPF
    "instructs-secretary-general-5": "instructs-secretary-general-6",  # invite UNGIS to coordinate
    "instructs-secretary-general-6": "instructs-secretary-general-7",  # coordinate WSIS Forum
    "instructs-secretary-general-7": "instructs-secretary-general-8",  # adapt stocktaking database and WSIS Prizes
    "instructs-secretary-general-8": "instructs-secretary-general-9",  # Task Force takes account of CWG output
    "instructs-secretary-general-9": "instructs-secretary-general-10",  # WSIS special trust fund
    # --- 责成秘书长和各局主任 instructs the SG and Directors
    "instructs-secretary-general-and-directors-1": "instructs-secretary-general-and-directors-1",  # all necessary measures per roadmaps, avoid duplication
    "instructs-secretary-general-and-directors-2": "instructs-secretary-general-and-directors-3",  # uncertain: flattened old "coordinate with WSIS Task Force to avoid duplication" (folded into 2022 -1) + inserted "strengthen regional coordination with UN regional commissions" (= 2022 -3); paired by the inserted wording
    "instructs-secretary-general-and-directors-3": "instructs-secretary-general-and-directors-4",  # public awareness
    "instructs-secretary-general-and-directors-4": None,  # concrete work plans and deadlines in operational plans — dropped (instructs-directors-1 carries the RBM version)
    "instructs-secretary-general-and-directors-5": "instructs-secretary-general-5",  # annual report to Council on these subjects — moved to 责成秘书长
    "instructs-secretary-general-and-directors-6": "instructs-secretary-general-and-directors-5",  # progress report to PP-22
    "instructs-secretary-general-and-directors-7": None,  # active participation in UNGA overall review (68/302) — dropped
    # --- 责成各局主任 instructs the Directors
    "instructs-directors-1": "instructs-directors-1",  # WSIS/SDG targets and deadlines (RBM) in operational plans
    "instructs-directors-2": "instructs-directors-2",  # assist members per WSIS framework, digitalization/digital economy
    # --- 责成电信发展局主任 instructs the Director of BDT
    "instructs-director-bdt-p1": "instructs-director-bdt-p1",  # ITU-D activities per WTDC Res 30
    # --- 要求理事会 requests the Council
    "requests-council-1": "requests-council-1",  # oversee WSIS activities, provide resources
    "requests-council-2": "requests-council-2",  # oversee adaptation per resolves 5
    "requests-council-2-2": "requests-council-3",  # retain CWG-WSIS, rename CWG-WSIS&SDG
    "requests-council-4": "requests-council-4",  # take into account UNGA decisions (overall review → WSIS process and SDGs)
    "requests-council-3": "requests-council-5",  # report to HLPF 2019 on 2015-2019 contribution
    "requests-council-4-2": "requests-council-6",  # annual report to ECOSOC HLPF (A/70/1 mechanism)
    "requests-council-5": "requests-council-7",  # include SG report in documents under CV No. 81
    "requests-council-6": None,  # follow up UNGA overall review results — dropped
    "requests-council-7": None,  # encourage members to participate — dropped
    # --- 请成员国、部门成员、部门准成员和学术成员 invites Member States, Sector Members, Associates and Academia
    "invites-member-states-sector-members-associates-and-academia-1": "invites-member-states-sector-members-associates-and-academia-1",
    "invites-member-states-sector-members-associates-and-academia-2": "invites-member-states-sector-members-associates-and-academia-2",
    "invites-member-states-sector-members-associates-and-academia-3": "invites-member-states-sector-members-associates-and-academia-3",
    "invites-member-states-sector-members-associates-and-academia-4": "invites-member-states-sector-members-associates-and-academia-4",
    "invites-member-states-sector-members-associates-and-academia-5": "invites-member-states-sector-members-associates-and-academia-5",
    "invites-member-states-sector-members-associates-and-academia-6": "invites-member-states-sector-members-associates-and-academia-6",
    # --- 做出决议，表达 resolves to express → 表达 expresses
    "resolves-to-express-1": "expresses-p1",  # thanks to Switzerland and Tunisia
    "resolves-to-express-2": None,  # appreciation for WSIS+10 HLE — dropped
}

NEW_IN_2022: set[str] = {
    "recalling-f",  # Res 140 (Busan 2014) itself
    "recalling-g",  # UNESCO General Conference Res 41C/27
    "recalling-i",  # WTDC-22 Kigali Declaration
    "considering-n",  # inclusiveness principle for the information-society vision
    "recognizing-a",  # ICTs fundamentally changed the world (cf. 2018 bearing-in-mind-d, left unpaired)
    "recognizing-b",  # infrastructure via investment and competition
    "recognizing-c",  # broader connectivity narrows the divide
    "recognizing-d",  # all stakeholders' role; C8, C9, C10
    "recognizing-j",  # telecom/ICT role in digital transformation (added at PP-18)
    "resolves-6",  # split out of 2018 resolves-5 (WSIS framework / matrix / CWG lead-in); its i/ii are 2018 resolves-5-i/-ii
    "resolves-9",  # Sectors' activities and CWG-WSIS&SDG work in studies
    "resolves-11",  # participate in WSIS+20 review
    "instructs-secretary-general-and-directors-2",  # regularly update roadmap of WSIS activities
    "instructs-secretary-general-and-directors-3-i",  # align WSIS and SDG processes per 70/125
    "instructs-secretary-general-and-directors-3-ii",  # "Delivering as One"
    "instructs-secretary-general-and-directors-3-iii",  # ICT in UNDAF
    "instructs-secretary-general-and-directors-3-iv",  # inter-agency / multistakeholder partnerships
    "instructs-secretary-general-and-directors-3-v",  # ICT in national sustainable-development plans
    "instructs-secretary-general-and-directors-3-vi",  # regional input to WSIS Forum, Prizes, stocktaking
    "requests-council-8",  # WSIS Forum website in six languages
    "requests-council-9",  # review and refine via CWG-WSIS&SDG:
    "requests-council-9-i",
    "requests-council-9-ii",
    "requests-council-9-iii",
}
