import type { SentimentSource } from './lexicon';

// Written for this project: general customer-feedback vocabulary, not a list of dev-set phrases.
// Plain words are stemmed (Porter) when compiled; `prefix*` covers a word family; `a_b` is a phrase.
export const EN_SENTIMENT: SentimentSource = {
  words: [
    // Delight.
    [
      3,
      'excellent amazing amazed awesome fantastic brilliant superb perfect perfectly wonderful outstanding ' +
        'incredible phenomenal exceptional flawless impeccable magnificent marvellous marvelous ' +
        'spectacular terrific fabulous delighted thrilled ecstatic top_notch second_to_none ' +
        'above_and_beyond couldnt_be_happier couldnt_be_better cant_recommend_enough cant_fault ' +
        'could_not_be_happier highly_recommend five_stars 5_stars',
    ],
    [
      2.5,
      'love loved loving adore adored best gorgeous stunning beautiful beautifully legend ' +
        'lifesaver life_saver game_changer gamechanger hero gem wow impressive!',
    ],
    // Plain praise.
    [
      2,
      'favourite favorite fave lovely good great nice happy pleased made_my_day out_of_their_way ' +
        'out_of_his_way out_of_her_way satisfied glad impressed! recommend recommended helpful friendly ' +
        'polite courteous tasty delicious yummy scrumptious enjoy enjoyed enjoying grateful ' +
        'appreciate appreciated brill fab superfast spot_on well_made well_packed well_packaged ' +
        'well_done well_designed well_priced well_worth keep_it_up buy_again order_again ' +
        'shop_here_again yes_please no_brainer bang_for_your_buck worth_every_penny worth_it ' +
        'exactly_as_described exactly_as_shown as_described true_to_size nice_touch ' +
        'pleasure love_it love_this yay woohoo',
    ],
    [
      1.5,
      'fast quick quickly speedy prompt promptly swift efficient kind patient attentive knowledgeable ' +
        'professional comfy comfortable cosy cozy fresh cheerful cheery well_cut half_price steal lasts_ages ' +
        'last_ages lasted_ages powerful lightweight lush cute sturdy reliable durable robust ' +
        'convenient painless seamless effortless affordable bargain bargains improved beast ' +
        'cool sorted ahead_of_schedule early earlier intact will_be_back as_promised right_away straight_away ' +
        'above_expectations exceeded worth_the_money value_for_money good_value great_value ' +
        'fantastically excited hassle_free stress_free no_fuss not_bad_at_all spotless generous ' +
        'accommodating responsive thoughtful considerate welcoming legendary ' +
        'classy elegant stylish gorgeously delightful',
    ],
    [
      1,
      'as_pictured as_shown smiley smiling smile clear! solid smooth easy easily handy useful decent ' +
        'reasonable fair soft neat sweet healthy survived ' +
        'safe safely secure careful carefully better improvement upgrade resolved fixed refunded ' +
        'replaced apologised apologized apology apologies helped reply_quickly called_ahead ' +
        'kept_me_updated eco_friendly recyclable on_the_spot as_advertised on_time proof homemade home_made ' +
        'half_the_price works_fine works_well worked_fine evenly ' +
        'interesting softer',
      -1.5,
    ],
    [0.7, 'warm light chatty cheap cheaper cheapest value worth fit fits fitted match matched acceptable suitable', -1.5],
    // Lukewarm: "fine", "ok" read as neutral on their own.
    [0.4, 'fine alright normal standard usual', -0.6],
    [0.4, 'ok okay', -1.2],
    [0.5, 'does_the_job does_what_it_says what_it_says out_of_my_way', -0.5],
    [0, 'crush crushes'],
    [-0.7, 'nothing_special nothing_more eventually advertised_as claimed'],
    [-0.3, 'finally'],
    [-1.5, 'feels_cheap looks_cheap feel_cheap look_cheap cheap_looking cheaply_made', 1.2],
    [0, 'average so_so'],
    // Things that should happen; their absence is the complaint ("won't turn on", "never came back").
    [0.3, 'work works worked working function functions functioning last lasts lasted hold holds', -1.5],
    [
      0,
      'arrive arrived arrives come came comes show_up showed_up turn_on turns_on charge charges ' +
        'charged_fully close closes closed_properly respond responded responds reply replied replies ' +
        'answer answered answers call called calls ring rang tell told inform informed update ' +
        'updated refund deliver delivered receive received get_back came_back come_back bother ' +
        'bothered notify notified contact contacted pick_up picked_up load loads connect connects ' +
        'turned_up turn_up turns_up ' +
        'switch_on help response follow_up followed_up reach',
      -1.5,
    ],
    [0.5, 'care cared caring', -1.5],
    // Complaints whose negation praises ("no complaints", "can't fault it", "no regrets").
    [-1, 'problem problems issue issues hassle complain complaining', 0.8],
    [-0.7, 'complaint complaints fuss drama', 1.2],
    [-1, 'fault faults regret regrets break breaks broke_it', 1.3],
    [0, 'question questions', 0.7],
    [-1.5, 'pushy', 1],
    // Disgust and fury.
    [
      -3,
      'terrible awful horrible horrendous atrocious appalling dreadful disgusting disgusted ' +
        'disgraceful shocking abysmal pathetic worst hate hated nightmare scam scammed scammers ' +
        'rip_off ripoff ripped_off rubbish garbage trash junk crap crappy shit shite shitty useless ' +
        'waste_of_money waste_of_time never_again unacceptable disgrace furious livid outraged ' +
        'fell_apart falling_apart stay_away avoid_at_all_costs worst_ever not_fit_for_purpose ' +
        'non_existent nonexistent non_existant',
    ],
    [
      -2.5,
      'rude rudely condescending patronising patronizing arrogant dismissive hung_up hang_up ' +
        'rolled_her_eyes rolled_his_eyes rolled_their_eyes eye_roll mouldy moldy mould mold rotten ' +
        'rotting cheated cheat fake counterfeit disappointing disappointed disappointment ' +
        'disrespectful insulting unprofessional incompetent clueless liar lied lies misleading ' +
        'broken faulty defective ruined overpriced greedy sneaky robbery daylight_robbery ' +
        'let_down let_me_down letdown done_with shopping_elsewhere go_elsewhere elsewhere_now ' +
        'drop_kick drop_kicked thrown threw chucked smashed shattered in_pieces stolen stole ' +
        'poison poisoning food_poisoning wont_be_back wont_buy wouldnt_buy never_buy wont_order ' +
        'wont_be_ordering wont_be_buying not_coming_back dislike',
    ],
    // Defects, failures, delays.
    [
      -2,
      'snapped snap came_apart broke bad poor damaged damage cracked torn ripped leak leaks leaked ' +
        'leaking leaky stain stained ' +
        'filthy dirty slimy stale soggy smelled_off smells_off smelt_off gone_off went_off upset ' +
        'annoyed annoying frustrated frustrating frustration angry unhappy failed fail fails ' +
        'failure missing lost wrong_item wrong_size wrong_order ignored ignore ignoring ignores ' +
        'refused refuse refuses refusing unfortunately sadly shame pity expensive flimsy wobbly ' +
        'wobbles wobble dented crushed came_off coming_off peeling peeled mess messy shambles ' +
        'awkward cancelled canceled overcharged overcharge still_waiting still_nothing still_no ' +
        'took_ages took_forever ages_to worse_than terribly horribly badly sloppy careless ' +
        'tasteless bland underwhelming underwhelmed mediocre copy_paste canned_response ' +
        'no_way_to dead died dies dying crash crashes crashed broke_down stopped_working ' +
        'shrunk shrank faded pilled pilling bobbled bled bleeds rock_hard hidden_fees hidden_fee',
    ],
    [
      -1.5,
      'late later_than delayed delay delays slow slower slowly sluggish laggy buggy glitchy glitch ' +
        'freezes frozen_screen overheat overheats overheating scratched scratch scratches wrong ' +
        'incorrect mistake mistakes error errors cut_off walked_off walked_away shrugged shrug ' +
        'pricey costly greasy burnt overcooked undercooked itchy smelly stinks stink soaked ' +
        'kicked tossed dumped weak worse disappoint sad sorry_to_say joke broken_promise expected_more ' +
        'expected_better ' +
        'not_what_i_expected not_as_described wasnt_as_described confusing confused uncomfortable ' +
        'cancellation rescheduled misses missed mixed_up mixup ignorant noisy loud nasty ' +
        'useless_template excuses excuse hidden wet shed shedding ugly ' +
        'too_much pain',
    ],
    [
      -1,
      'meh bit_much a_bit_much on_hold put_on_hold stiff tight loose odd weird weirdly strange thin ' +
        'thinner wait waiting waited queue queues ' +
        'template mixup mix_up chatbot bot forever hardly_any barely_any miss promised ' +
        'unclear vague dread dreading ages shrug charged_extra extra_charge surcharge ' +
        'scuffed dusty dust bug bugs fiddly grumpy moody unfriendly unhelpful lazy',
    ],
    [-0.5, 'small smaller smallish tiny_portion heavy sorry', 0.3],
    // More everyday words of praise and complaint.
    [3, 'faultless'],
    [2, 'ideal pleasant trustworthy thankful high_quality top_quality well_built really_like liked!'],
    [
      1,
      'honest genuine juicy tender flavourful flavorful smart clever practical pretty premium i_like ' +
        'we_like ' +
        'crispy crunchy',
    ],
    [-3, 'disaster disastrous fiasco fraud fraudulent lost_a_customer'],
    [
      -2,
      'expired! out_of_date past_its_date waste wasted fed_up sick_of gutted charged_twice double_charged ' +
        'poorly_made falls_apart didnt_like dont_like do_not_like did_not_like shop_elsewhere',
    ],
    [-1.5, 'chaos chaotic poorly headache impossible arrived_cold stone_cold nothing_like avoid'],
    [-1, 'complicated difficult hard_to struggle struggled lukewarm elsewhere'],
    [
      2,
      'wont_find_better wont_find_a_better cant_find_better couldnt_find_better what_more_could_you_want ' +
        'what_more_could_you_ask in_minutes within_minutes',
    ],
    [1, 'free bright'],
    [0, 'explanation went_through go_through goes_through', -1.5],
    [
      -2.5,
      'never_order never_buy never_shop never_shopping never_use never_using never_be_back never_coming_back ' +
        'never_return laughable ridiculous embarrassing',
    ],
    [
      -1.5,
      'argued arguing argue glued_to followed_me_around crackle crackles crackling hiss hissing buzzing burns ' +
        'burned burn returned_to_sender keep_going_up keeps_going_up higher_than for_less',
    ],
    [-1, 'going_up went_up gone_up go_up raw'],
    // Idioms and domain words: delivery, goods, staff, prices.
    [
      2.5,
      'extra_mile bent_over_backwards couldnt_do_enough cant_do_enough credit_to top_marks full_marks ' + 'better_than_expected',
    ],
    [
      2,
      'works_a_treat thumbs_up chuffed same_day in_one_piece safe_and_sound well_protected long_lasting ' +
        'effective happy_days',
    ],
    [1.5, 'respectful ahead_of_time fairly_priced reasonably_priced woo'],
    [
      1,
      'versatile spacious roomy compact quiet silent vibrant crisp accurate does_the_trick understanding ' +
        'reassuring reasonably competitive',
    ],
    [0.5, 'as_expected sharp'],
    [1.5, 'stayed_dry kept_dry kept_me_dry keeps_me_dry keeps_you_dry kept_my_feet_dry waterproof'],
    [-2.5, 'couldnt_care_less extortionate inedible fuming shoddy'],
    [
      -2,
      'low_quality substandard fell_off shouted shouting yelled yelling accused fobbed_off fob_off run_around ' +
        'runaround hidden_charges hidden_costs thumbs_down raging unimpressed cheesed_off hacked_off wtf ffs rusty ' +
        'rust rusted',
    ],
    [
      -1.5,
      'stuck tacky naff shabby inferior brittle came_loose frayed fraying discoloured discolored dodgy rattle ' +
        'rattles rattling chemical_smell smells_of_chemicals flavourless flavorless bruised wilted blamed ' +
        'blaming passed_around smh ugh yikes',
    ],
    [
      -1,
      'chase chasing chased cheaply temperamental squeak squeaks squeaky creak creaks creaky drains watery ' +
        'overripe underripe melted defrosted thawed steep attitude',
    ],
    [-0.7, 'tough chewy salty'],
    [-0.5, 'transferred automated dry'],
    [2, 'pleasantly_surprised'],
    [1.5, 'pleasantly didnt_have_to_wait no_wait more_often'],
    [0, 'heard_back hear_back'],
    [-2, 'went_sour gone_sour turned_sour worn_out didnt_wait wouldnt_wait'],
    [-1.5, 'creep_up creeping_up creeps_up soaks soaking rushing rushed sour'],
    [-1, 'sweat sweaty never_changes'],
    [-2, 'tampered tampered_with been_opened'],
  ],
  scale: [
    [
      1.6,
      'very really so extremely super totally absolutely completely utterly incredibly highly truly ' +
        'seriously massively insanely hugely ridiculously unbelievably exceptionally remarkably ' +
        'so_much way much far such literally properly thoroughly mega crazy majorly genuinely',
    ],
    [1.3, 'pretty quite real definitely honestly actually most'],
    [1, 'fairly rather'],
    [0.5, 'a_bit a_little slightly somewhat kind_of kinda sort_of a_tad a_touch mildly partly a_little_bit bit'],
  ],
  roles: {
    negator:
      "not no never nothing nobody none neither nor without hardly barely cannot can't cant don't dont " +
      "doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent won't wont " +
      "instead_of wouldn't wouldnt couldn't couldnt shouldn't shouldnt haven't havent hasn't hasnt hadn't hadnt " +
      "ain't aint not_even",
    excess: 'too overly way_too far_too',
    contrast: 'but however that_said having_said_that on_the_other_hand then_again except apart_from otherwise',
    notYet: 'not_yet',
    concession: 'although though even_though despite in_spite_of whereas',
    request:
      "please pls plz would_love would_be_nice would_be_great it'd_be wish could_you can_you " +
      "would_you you_should how_about i'd_like would_like suggestion consider would_be_good would_be_handy " +
      'would_be_helpful it_would_be',
    rhetorical: 'why',
    question:
      'do_you does_it is_it is_this is_there are_there can_i could_i how_do how_long will_it ' +
      'any_chance any_plans when_will do_my does_this',
    thanks: 'thanks thank thx ty tysm cheers thank_you many_thanks',
    nostalgia: 'used_to previously no_longer',
    former: 'old previous last_time another_company other_company',
    rival: 'next_door competitor competitors competition other_shops other_stores other_brands',
    sarcasm: 'so_called yeah_right oh_great just_great so_much_for thanks_for_nothing love_paying love_waiting gotta_love',
    postNegator: 'gone disappeared vanished',
    mixed:
      'neither_good_nor_bad neither_here_nor_there mixed_bag mixed_feelings mixed_experience ' +
      'pros_and_cons hit_and_miss hit_or_miss',
  },
  chores: [[1.3, -0.7, 'had_to have_to having_to']],
  wideNegators: 'nobody no_one noone',
  strongNegators: 'not_a_single not_one not_once not_even_one zero',
  toneNegators: [[-1, 'stopped stops stop quit quits']],
  negativePrefixes: ['un', 'in', 'im', 'dis', 'non'],
};
